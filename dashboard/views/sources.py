"""What the sources page and every source line show: each dataset with its edition, licence and
citation, each indicator with its unit, definition, method, source and years, and the five source
documents of the dialogue and programme pages by title."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard import datasets, dialogue
from dashboard.locale import Locale


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    edition: str
    licence: str
    citation: str
    url: str


@dataclass(frozen=True)
class IndicatorEntry:
    label: str
    unit: str
    definition: str
    method: str  # how a computed indicator is made; "" for a published one
    source: str
    years: str  # "1990–2024", or "no data"


def source(key: str, locale: Locale) -> Source:
    """One dataset's name, edition and licence in ``locale``, citation and website."""
    src = datasets.sources()[key]
    return Source(
        key,
        src["name"],
        datasets.source_field(src, "edition", locale),
        datasets.source_field(src, "licence", locale),
        src["citation"],
        src["url"],
    )


def sources(locale: Locale) -> list[Source]:
    """Every dataset, in the catalogue of sources' order."""
    return [source(key, locale) for key in datasets.sources()]


def indicators(locale: Locale) -> list[IndicatorEntry]:
    """Every indicator of the catalogue, in its order."""
    _ = locale.gettext
    names = datasets.sources()
    return [
        IndicatorEntry(
            spec.text("label", locale),
            locale.unit(spec.unit),
            spec.text("definition", locale),
            spec.computed_method(locale) if spec.computed else "",
            names[spec.source]["name"],
            f"{spec.years[0]}–{spec.years[-1]}" if spec.years else _("no data"),
        )
        for spec in datasets.catalogue().values()
    ]


@dataclass(frozen=True)
class SeedDocument:
    """A source document of the dialogue and programme pages: its title, and its file as a detail."""

    title: str
    file: str


def seed_documents(locale: Locale) -> list[SeedDocument]:
    """The five source documents, by title in the reader's language, in file order."""
    table = dialogue.seed_documents()
    return [
        SeedDocument(dialogue.text(row, locale), str(row["file"]))
        for _, row in table.sort_values("file").iterrows()
    ]
