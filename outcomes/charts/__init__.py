"""Plotly figure builders, one module per page subject: data in, figure out."""
