"""Puentes core: data loading, transforms and figures. Never imports dash."""
