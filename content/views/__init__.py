"""Public views, one module per capability."""
