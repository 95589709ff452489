"""The Flask side of Puentes: plain HTTP routes, security headers, caches and health probes.

Nothing here is a Dash callback (those live in ``callbacks/``); ``app.create_app`` wires both.
"""
