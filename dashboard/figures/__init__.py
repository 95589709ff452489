"""Figure builders: plain data in, plotly figures (or figure dicts and value updates) out."""

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
