"""Component trees only. Each page layout is a function of the parsed URL state."""
