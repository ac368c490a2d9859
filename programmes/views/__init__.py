"""Views of the programmes app, one module per part (see urls.py)."""
