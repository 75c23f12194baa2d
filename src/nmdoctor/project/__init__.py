"""The project session: what one run reads once."""
