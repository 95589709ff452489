"""The data layer: the only reader of data/, cached per data version, checked against the manifest.

- :mod:`.registry` — the folder read (:func:`use`) and the registry of loaders (:func:`loader`,
  :func:`clear`, :func:`warm`);
- :mod:`.files` — reading one file, :func:`verify` against ``manifest.json``;
- :mod:`.versioning` — the data-version token (:func:`version`) and :func:`derived` caches;
- :mod:`.indicators` — the catalogue (:class:`Indicator`, with its ``gaps``, ``editions_note`` and
  ``denominator_source``) and the sources;
- :mod:`.tables` — the processed tables and shapes (:func:`indicator_values` refuses a flagged zero
  stored as a value: ``value`` NaN = no data, ``published`` = the source's number);
  :mod:`.indexes` — lookups built from them;
- :mod:`.texts` — the hand-curated dialogue and story documents (validated by
  :mod:`dashboard.dialogue` and :mod:`dashboard.stories`, whose loaders are registered here too).

Every loader takes the data folder as an optional argument and returns a value that callers
must not modify in place.
"""

from __future__ import annotations

from dashboard.datasets.files import JSON_FILES, REQUIRED_COLUMNS, read, verify
from dashboard.datasets.indexes import (
    MemberArrays,
    corridor_years,
    corridors_by_key,
    corridors_by_sex,
    index_members,
    member_arrays,
    series_by_key,
    values_by_key,
)
from dashboard.datasets.indicators import SOURCE_TEXTS, Indicator, catalogue, source_field, sources
from dashboard.datasets.registry import Loader, clear, folder, loader, loaders, use, warm
from dashboard.datasets.tables import (
    REPORTED_ZERO,
    aggregates,
    corridors,
    countries,
    geometry,
    geometry_bytes,
    groups,
    indicator_values,
    member_codes,
    remittance_corridors,
    world_geometry,
    world_geometry_bytes,
)
from dashboard.datasets.texts import (
    DIALOGUE_FILES,
    dialogue_documents,
    dialogue_folder,
    stories_folder,
    story_documents,
)
from dashboard.datasets.versioning import Derived, derived, digest, manifest, version

clear_caches = clear  # the name the tests and benchmarks know

__all__ = [
    "DIALOGUE_FILES",
    "JSON_FILES",
    "REPORTED_ZERO",
    "REQUIRED_COLUMNS",
    "SOURCE_TEXTS",
    "Derived",
    "Indicator",
    "Loader",
    "MemberArrays",
    "aggregates",
    "catalogue",
    "clear",
    "clear_caches",
    "corridor_years",
    "corridors",
    "corridors_by_key",
    "corridors_by_sex",
    "countries",
    "derived",
    "dialogue_documents",
    "dialogue_folder",
    "digest",
    "folder",
    "geometry",
    "geometry_bytes",
    "groups",
    "index_members",
    "indicator_values",
    "loader",
    "loaders",
    "manifest",
    "member_arrays",
    "member_codes",
    "read",
    "remittance_corridors",
    "series_by_key",
    "source_field",
    "sources",
    "stories_folder",
    "story_documents",
    "use",
    "values_by_key",
    "verify",
    "version",
    "warm",
    "world_geometry",
    "world_geometry_bytes",
]
