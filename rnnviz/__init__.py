"""rnnviz: the logic behind the app (never imports streamlit)."""
