"""Indicator data layer: schema, loading, validation, queries and exports (no Dash, no Plotly)."""

__version__ = "0.1.0"
