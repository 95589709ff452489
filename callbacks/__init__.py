"""Thin glue between components and the pure core. Each module has ``register(app)``."""
