"""Views: everything one page or chart shows for one state, computed from data (no dash).

One module per page or chart family; ``layouts/`` only turns a view into components, and the
export, embed, briefing and offline file render the same views.
"""
