"""ETL: read the published raw files, validate them, write compact tables to data/.

Run with ``python -m dashboard.etl`` (``make data``). This package may import
geopandas (geometry step only); the running app never imports it.
"""
