"""The `search` command: parse options, call the library, render. No behaviour lives here.

Exit codes: 0 something found (or done), 1 nothing found (like grep), 2 usage or input error,
3 an internal error (a bug: please report it with SEARCH_DEBUG=1 output).
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from pathlib import Path
from typing import Any

import click

from search.errors import SearchError

FOUND, NOTHING, USAGE, INTERNAL = 0, 1, 2, 3


class Exit(Exception):
    def __init__(self, code: int):
        self.code = code


# errors of the machine, not of the program: what cannot be read or written, a full disk
_ENVIRONMENT_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EMFILE, errno.ENAMETOOLONG, errno.ELOOP}


def _damaged_index(index_dir: Path | None) -> bool:
    """Whether an unexpected error came from damage to the index rather than from a bug: a
    flipped byte inside a segment surfaces from deep inside the backend as anything."""
    try:
        from search.backend import backend_of, default_index_dir

        return not backend_of(index_dir or default_index_dir()).check(index_dir or default_index_dir()).ok
    except Exception:
        return False


def _handle_errors(fn):
    """Turn library errors into one line on stderr and exit 2; never show a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exit as e:
            sys.exit(e.code)
        except SearchError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(USAGE)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except OSError as e:
            if e.errno in _ENVIRONMENT_ERRNOS:  # the machine's refusal, not our bug: say what
                where = f" {e.filename}" if e.filename else ""
                click.echo(f"error: cannot read or write{where}: {e.strerror or e}", err=True)
                sys.exit(USAGE)
            _unexpected(e, kwargs.get("index_dir"))
        except Exception as e:
            _unexpected(e, kwargs.get("index_dir"))

    return wrapper


def _unexpected(e: Exception, index_dir: Path | None) -> None:
    """A bug, or damage to the index: say which in one line (SEARCH_DEBUG=1: the traceback)."""
    if os.environ.get("SEARCH_DEBUG"):
        raise e
    if _damaged_index(index_dir):
        hint = "`search check` says what, `search index --rebuild PATH...` starts it over"
        click.echo(f"error: the index is damaged ({type(e).__name__}: {e}); {hint}", err=True)
        sys.exit(USAGE)
    click.echo(f"internal error: {type(e).__name__}: {e} (run with SEARCH_DEBUG=1 for details)", err=True)
    sys.exit(INTERNAL)


_LEARNED_HELP = (
    "--learned (the default) also finds attributions whose cue no list holds, with the learned model; "
    "--rules-only uses the rules alone (less reported speech found, about a fifth faster)."
)


def learned_option(default: bool | None = True):
    """`--learned/--rules-only`: the learned attribution finder on top of the rules, or not.
    `default=None` (for `index`): unset, an update keeps the extractor the index was built with."""
    keep = " Unset, an update keeps the extractor the index was built with." if default is None else ""
    return click.option("--learned/--rules-only", default=default, help=_LEARNED_HELP + keep)


def index_option(fn):
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Index folder (default: $SEARCH_INDEX or ./index).",
    )(fn)


def output_options(fn):
    """--json / --jsonl / --csv, shared by every command that lists records."""
    fn = click.option("--csv", "fmt", flag_value="csv", help="One CSV row per record.")(fn)
    fn = click.option("--jsonl", "fmt", flag_value="jsonl", help="One JSON object per line.")(fn)
    fn = click.option("--json", "fmt", flag_value="json", help="One JSON document.")(fn)
    return click.option("--text", "fmt", flag_value="text", default=True, hidden=True)(fn)


class _Limit(click.ParamType):
    """A count of rows: a whole number (0 shows none, only the counts) or 'all'."""

    name = "N|all"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int | None:
        if value is None or isinstance(value, int):
            return value
        text = str(value).strip().lower()
        if text == "all":
            return None
        if text.isdigit():
            return int(text)
        if text.startswith("-") and text[1:].isdigit():
            self.fail(f"{text} is not in the range x>=0: give a whole number (0 for none) or 'all'", param, ctx)
        self.fail(f"{value!r} is not a count: give a whole number (0 for none) or 'all'", param, ctx)


LIMIT = _Limit()


def _reject_facets_in(fmt: str, facets: tuple[str, ...], by: str | None) -> None:
    """--csv and --jsonl print hits, one per row or line: facets have no place there, and
    leaving them out without a word would hide an answer."""
    if (facets or by) and fmt in ("csv", "jsonl"):
        raise SearchError(
            f"--facet has no place in --{fmt} (one hit per {'row' if fmt == 'csv' else 'line'}): use --json for hits and facets, "
            "or `search count FACET --csv` for the counts as a table"
        )


def filter_options(fn):
    """Filters shared by query, speakers and sources."""
    fn = click.option("--on", metavar="DATE", help="Only this year, month or day.")(fn)
    fn = click.option("--until", metavar="DATE", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")(fn)
    fn = click.option("--since", metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")(fn)
    fn = click.option("--source", "sources", multiple=True, metavar="NAME", help="Only this outlet ('wsj', 'nyt' work); repeatable.")(fn)
    fn = click.option(
        "--speaker",
        "speakers",
        multiple=True,
        metavar="NAME",
        help=(
            "Only quotes by this speaker, one identity per person (forgiving: 'Mr. Lukyanov', 'lukianov', a surname; "
            "the note names the identities matched); '=NAME' or '=ID' for one identity exactly; repeatable."
        ),
    )(fn)
    return fn


def _document_filters(speakers, sources, since, until, on, kind, quote_kinds, speech_only) -> dict[str, Any]:
    """The filter options of `query` and `count` as the API's keyword arguments (one mapping,
    so the two commands cannot filter differently)."""
    return {
        "speakers": list(speakers),
        "sources": list(sources),
        "since": since,
        "until": until,
        "on": on,
        "kind": kind,
        "quote_kinds": list(quote_kinds),
        "cue_classes": ["speech"] if speech_only else None,
    }


def _echo_rows(rows, fmt: str, model, line, empty: str) -> None:
    """Print a listing in the chosen format; an empty one exits 1 like grep."""
    from search.output.formats import render

    click.echo(render(rows, fmt, model, line), nl=False)
    if not rows and empty:  # an empty message: none asked for (--limit 0), not none found
        click.echo(empty, err=True)
        raise Exit(NOTHING)


def color_option(fn):
    """`--color auto|always|never`: `always` keeps colour through a pipe (`| less -R`)."""
    return click.option(
        "--color",
        "color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour: auto (on a terminal, unless NO_COLOR is set), always (through a pipe, for less -R), never.",
    )(fn)


def _color(mode: str = "auto") -> bool:
    if mode != "auto":
        return mode == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _width() -> int | None:
    """The terminal's width when printing to one; None when piped (lines are not folded)."""
    import shutil

    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else None


def _echo(text: str, color: bool, nl: bool = True) -> None:
    """click.echo, keeping colour codes when asked for them through a pipe (`--color always`)."""
    click.echo(text, nl=nl, color=True if color else None)


class _Main(click.Group):
    """The command group, with a bad option said in one line (exit 2), like every other
    input error, instead of click's usage block: `--limit -1` is a typo to fix, not a
    reason to reread the usage."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as e:
            e.show()
            sys.exit(e.exit_code)
        except click.UsageError as e:
            command = e.ctx.command_path if e.ctx else "search"
            click.echo(f"error: {e.format_message()} ({command} --help lists the options)", err=True)
            sys.exit(USAGE)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="quote-search")
def main() -> None:
    """Quote-aware search for news: who said what, when, and where it was reported."""


@main.command("index")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@index_option
@click.option("--rebuild", is_flag=True, help="Start the index over instead of updating it.")
@click.option("--optimize", is_flag=True, help="Merge the index into one segment when done: slower to write, faster to search (after a large build).")
@click.option("--wait", is_flag=True, help="If another indexer is updating the index, wait for it instead of failing.")
@click.option(
    "--backend",
    "backend",
    metavar="NAME",
    default=None,
    help="The search engine of a new index: whoosh (default) or tantivy. An existing index keeps its own (read from the index).",
)
@click.option(
    "--aliases",
    "aliases_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Speaker aliases TOML (merge/split names; default: aliases.toml at the top of an indexed folder).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary; warnings and errors only.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's report as JSON.")
@click.option(
    "--map",
    "column_map",
    metavar="FIELD=COLUMN,…",
    default=None,
    help="Columns of CSV/TSV files, when their names are not the usual ones: --map text=body,date=published_at "
    "(fields: text, title, date, source, author, url, id, language).",
)
@learned_option(default=None)
@_handle_errors
def index_cmd(
    paths: tuple[Path, ...],
    index_dir: Path | None,
    rebuild: bool,
    optimize: bool,
    wait: bool,
    aliases_file: Path | None,
    jobs: int | None,
    quiet: bool,
    as_json: bool,
    column_map: str | None,
    learned: bool | None,
    backend: str | None = None,
) -> None:
    """Index articles and their quotes from PATHS (files or folders; default: seeds/).

    Reads text files (one article each, with an optional manifest.toml beside them), .jsonl
    (one article per line), saved web pages (.html), web archives (.warc, .warc.gz), CSV/TSV
    exports (one article per row), RSS/Atom feeds, and .gz or .zip files of these; the reader
    is chosen by each file's content. Re-running updates the index: new articles are added, changed
    ones re-indexed, and those whose files under PATHS are gone removed; unchanged files are not
    read again. A killed run leaves the index as the last completed run left it. A file that
    cannot be read is named and skipped while the rest is indexed; when nothing could be read,
    the run exits 2.

    \b
    Examples:
      search index seeds/
      search index ~/clips/ feeds.xml archive.warc.gz --index ~/clips-index
      search index export.csv --map text=body,date=published_at
      search index corpus/ --rebuild --rules-only -j 4
    """
    from search.indexing.indexer import index_paths
    from search.indexing.progress import Progress, choose_mode
    from search.output.formats import to_json
    from search.readers.table import parse_column_map

    columns = parse_column_map(column_map)
    progress = Progress(choose_mode(quiet or as_json))
    report = index_paths(
        list(paths) or [Path("seeds")],
        index_dir,
        rebuild=rebuild,
        aliases=aliases_file,
        wait=wait,
        workers=jobs,
        progress=progress,
        learned=learned,
        columns=columns,
        optimize=optimize,
        backend=backend,
    )
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    shown = 20
    for note in report.quotes_skipped[:shown]:
        click.echo(f"warning: {note}", err=True)
    if len(report.quotes_skipped) > shown:
        click.echo(f"warning: … and {len(report.quotes_skipped) - shown} more articles too long for quotes (all are listed by --json)", err=True)
    for reason in report.skipped_reasons[:shown]:
        click.echo(f"warning: skipped {reason}", err=True)
    if len(report.skipped_reasons) > shown:
        click.echo(f"warning: … and {len(report.skipped_reasons) - shown} more skipped (all are listed by --json)", err=True)
    if as_json:
        click.echo(to_json(report))
    elif not quiet:
        click.echo(
            f"indexed {report.articles:,} article(s) with {report.quotes:,} quote(s) into {report.index} in {report.seconds:.1f} s: "
            f"{report.added:,} added, {report.updated:,} updated, {report.removed:,} removed, {report.unchanged:,} unchanged, {report.skipped:,} skipped"
        )
        if report.formats:
            read = (
                f"{fmt} {c['files']:,} file(s), {c['articles']:,} article(s)" + (f" ({c['left_out']:,} other record(s) left out)" if c.get("left_out") else "")
                for fmt, c in sorted(report.formats.items())
            )
            click.echo("read: " + "; ".join(read))
    if report.skipped and not (report.added or report.updated or report.unchanged or report.removed):
        # every input was named above as unreadable: an input error (exit 2), as a bad path
        # is, not a run that did its work; a run that read anything exits 0
        raise Exit(USAGE)


QUERY_HELP = """Search articles and quotes. TEXT uses Whoosh's query language (quote it in
the shell, or give its words: they are joined, 'search query return to normality'):

\b
  Ukraine                      a word (stemmed: 'talks' finds 'talk')
  "return to normality"        a phrase
  Putin AND NOT Trump          AND, OR, NOT (upper case) and (grouping)
  (Cruz OR Rubio) AND debate
  negotiat*   Lukianov~        wildcards and fuzzy terms
  speaker:lukyanov             who said it: case, accents, 'Mr.' and
  speaker:"Mr. Markov"         misspellings are forgiven; a surname alone
                               searches everyone with that surname
  source:wsj  source:"Washington Post"   outlet, by name or short form
  kind:quote  kind:article     documents; type:direct|partial|indirect
  title:debate  author:Virgil  other fields: text, title, author
  date:2016-03                 a year, month or day
  date:[2016-01 TO 2016-03]    a date range (ends included)
  group:g1a2b3c4d5e6f          every report of one quotation (search trail)
  *                            every document, as no TEXT

With no TEXT every document matches (newest first): add filters or --facet
for an overview. Undated articles are left out of date filters and counted.
A fuzzy term allows at most 2 edits, a wildcard at most 1,000 indexed words,
a query 2,000 characters; a search stops after 5 seconds.

\b
Examples:
  search query "return to normality"
  search query --speaker lukyanov --kind quote
  search query Clinton --source nyt --since 2016-06 --facet speaker
  search query 'emails AND speaker:trump' --facet date:month --json
  search query "Muslims" --kind quote --collapse   one hit per quote group

Exit status: 0 found, 1 nothing found, 2 bad query or option.
"""


@main.command("query", help=QUERY_HELP)
@click.argument("words", nargs=-1, metavar="[TEXT]...")
@filter_options
@click.option("--kind", type=click.Choice(["quote", "article", "all"]), default="all", show_default=True, help="Which documents to search.")
@click.option("--type", "quote_kinds", multiple=True, type=click.Choice(["direct", "partial", "indirect"]), help="Only quotes of this type; repeatable.")
@click.option("--speech-only", is_flag=True, help="Only quotes of words said or written, not views held ('believes', 'wants', 'opposes': class:stance).")
@click.option(
    "--facet",
    "facets",
    multiple=True,
    metavar="NAME",
    help="Count every match by speaker, source, kind, type, class or date (date:day, date:month = date, date:year); repeatable.",
)
@click.option("--by", metavar="NAME", default=None, help="Cross each --facet with this one: a table of counts (--facet source --by date:month).")
@click.option("--facet-limit", type=LIMIT, default=10, show_default=True, help="Most values per facet, or 'all' (0 also means all); date facets are never cut.")
@click.option("--limit", "-n", type=LIMIT, default=10, show_default=True, help="Hits to show: N, 0 for none (counts and facets only), or 'all'.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Hits to skip (paging).")
@click.option(
    "--collapse",
    is_flag=True,
    help="One hit per quote group (the same quotation in several articles): its best match, with 'reported by N articles in M outlets, first by X on DATE'.",
)
@click.option(
    "--sort", type=click.Choice(["relevance", "newest", "oldest", "date"]), default="relevance", show_default=True, help="Order of hits ('date' = newest)."
)
@index_option
@output_options
@color_option
@_handle_errors
def query_cmd(
    words, speakers, sources, since, until, on, kind, quote_kinds, speech_only, facets, by, facet_limit, limit, offset, collapse, sort, index_dir, fmt, color
) -> None:
    from search.api import Index
    from search.output.formats import result_csv, to_json, to_jsonl
    from search.output.text import result_text

    _reject_facets_in(fmt, facets, by)
    text = " ".join(words)  # 'search query return to normality' is the query 'return to normality'
    with Index.open(index_dir) as ix:
        result = ix.search_json(  # plain dicts: printing them needs no pydantic (cold start)
            text,
            **_document_filters(speakers, sources, since, until, on, kind, quote_kinds, speech_only),
            facets=list(facets),
            facet_limit=facet_limit or None,
            limit=limit,
            offset=offset,
            sort=sort,
            by=by,
            collapse=collapse,
        )
    if fmt == "json":
        click.echo(to_json(result))
    elif fmt == "jsonl":
        click.echo(to_jsonl(result["hits"]), nl=False)
    elif fmt == "csv":
        click.echo(result_csv(result), nl=False)
    else:
        colored = _color(color)
        _echo(result_text(result, colored, _width()), colored, nl=False)
    if result["total"] == 0:
        if fmt != "text":
            for note in result["notes"]:
                click.echo(f"note: {note}", err=True)
        click.echo("nothing matched", err=True)
        raise Exit(NOTHING)


COUNT_HELP = """Count the documents TEXT and the filters match by FACET, or by FACET crossed
with --by FACET: a time series per outlet, speakers by outlet, quote types by month.

FACET and --by: speaker, source, kind, type, class, date:day, date:month (= date),
date:year. speaker, type and class count quotes (a quote without a named speaker is
'(no speaker)'); time facets run in time order over every period from the first to
the last, zero where nothing falls, and are never cut; other rows are the most
frequent (--limit, 'top N of M'). On a terminal each row gets a sparkline.

\b
Examples:
  search count source --kind quote --by date:month
  search count speaker Ukraine --by source --limit 10
  search count date:year --speaker Clinton --kind quote
  search count type --by date:month --source nyt --csv > types.csv

Exit status: 0 found, 1 nothing matched, 2 bad query or option.
"""


@main.command("count", help=COUNT_HELP)
@click.argument("facet")
@click.argument("text", required=False, default="")
@click.option("--by", metavar="FACET", default=None, help="The columns: cross FACET with this one.")
@filter_options
@click.option("--kind", type=click.Choice(["quote", "article", "all"]), default="all", show_default=True, help="Which documents to count.")
@click.option("--type", "quote_kinds", multiple=True, type=click.Choice(["direct", "partial", "indirect"]), help="Only quotes of this type; repeatable.")
@click.option("--speech-only", is_flag=True, help="Only quotes of words said or written, not views held.")
@click.option("--limit", "-n", type=LIMIT, default=20, show_default=True, help="Most rows (time rows are never cut): N or 'all'.")
@index_option
@click.option("--csv", "fmt", flag_value="csv", help="The table as CSV: a header row, then a row per value.")
@click.option("--json", "fmt", flag_value="json", help="The table as one JSON object (a CountTable).")
@click.option("--text", "fmt", flag_value="text", default=True, hidden=True)
@color_option
@_handle_errors
def count_cmd(facet, text, by, speakers, sources, since, until, on, kind, quote_kinds, speech_only, limit, index_dir, fmt, color) -> None:
    from search.api import Index
    from search.output.formats import to_json
    from search.output.tables import table_csv, table_text

    with Index.open(index_dir) as ix:
        table = ix.count_json(
            facet,
            text,
            by=by,
            limit=limit,
            **_document_filters(speakers, sources, since, until, on, kind, quote_kinds, speech_only),
        )
    if fmt == "json":
        click.echo(to_json(table))
    elif fmt == "csv":
        click.echo(table_csv(table), nl=False)
    else:
        colored = _color(color)
        head = f"{table['total']:,} match{'es' if table['total'] != 1 else ''} for {table['query']}  [{table['took_ms']:.0f} ms]\n"
        _echo(head + "".join(f"note: {n}\n" for n in table["notes"]) + "\n" + table_text(table, colored, _width()), colored, nl=False)
    if not table["total"]:
        click.echo("nothing matched", err=True)
        raise Exit(NOTHING)


@main.command("speakers")
@click.argument("text", required=False, default="")
@filter_options
@click.option("--limit", "-n", type=LIMIT, default=50, show_default=True, help="Most speakers to list: N, 0 for none (only how many), or 'all'.")
@index_option
@output_options
@_handle_errors
def speakers_cmd(text, speakers, sources, since, until, on, limit, index_dir, fmt) -> None:
    """List speakers (one identity per person), most quoted first, with quote counts,
    sources, dates and descriptions; TEXT and the filters choose the quotes counted.

    \b
    Examples:
      search speakers
      search speakers Ukraine --source wsj --since 2025-02 --limit 5
      search speakers --limit all --csv > speakers.csv
    """
    from search.api import Index
    from search.models import SpeakerSummary

    with Index.open(index_dir) as ix:
        rows = ix.speakers(text, limit=limit, speakers=list(speakers), sources=list(sources), since=since, until=until, on=on)
        found = ix.last_speaker_count

    def line(s: SpeakerSummary) -> str:
        dates = f"{s.first_date}…{s.last_date}" if s.first_date and s.first_date != s.last_date else str(s.first_date or "undated")
        desc = f"\n    {s.descriptions[0]}" if s.descriptions else ""
        return f"{s.quotes:>5,}  {s.name}  [{', '.join(s.sources) or 'unknown source'}; {dates}]{desc}\n"

    if found > len(rows):
        shown = f"top {len(rows):,} of {found:,}" if rows else f"{found:,}"
        click.echo(f"{shown} speakers (--limit all lists every one)", err=True)
    _echo_rows(rows, fmt, SpeakerSummary, line, "no speakers matched" if not found else "")


SPEAKER_HELP = """Profile one speaker: who they are (id, names written, type), how the press
described them and when, their quotes per month and per outlet, the words that set their
quotes apart from everyone else's, and their first and latest quote.

NAME is matched like --speaker: an id or an exact name picks that identity ('=ID' or
'=NAME' insists); a loose name ('Comey', 'Mr. Sanders') must match one speaker, or the
candidates are listed (exit 2). Distinctive words are scored by log-likelihood G² of
their count in the speaker's quotes against all other quotes the filters leave
(docs/analysis.md).

\b
Examples:
  search speaker Comey
  search speaker =donald-trump --since 2016-06 --source nyt
  search speaker "Hillary Clinton" --per year --terms 30 --json

Exit status: 0 found, 1 no such speaker (or no quotes in the filters), 2 ambiguous name or bad option.
"""


@main.command("speaker", help=SPEAKER_HELP)
@click.argument("name", nargs=-1, required=True)
@click.option("--source", "sources", multiple=True, metavar="NAME", help="Only quotes in this outlet ('wsj', 'nyt' work); repeatable.")
@click.option("--since", metavar="DATE", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Up to this date, inclusive.")
@click.option("--on", metavar="DATE", help="Only this year, month or day.")
@click.option("--per", "period", type=click.Choice(["month", "day", "year"]), default="month", show_default=True, help="The timeline's period.")
@click.option("--terms", type=click.IntRange(min=0), default=15, show_default=True, help="Distinctive words to list.")
@click.option("--descriptions", type=LIMIT, default=10, show_default=True, help="Descriptions to list: N or 'all'.")
@index_option
@click.option("--json", "as_json", is_flag=True, help="The profile as one JSON object (a SpeakerProfile; search schema profile).")
@color_option
@_handle_errors
def speaker_cmd(name, sources, since, until, on, period, terms, descriptions, index_dir, as_json, color) -> None:
    from search.api import Index
    from search.errors import AmbiguousNameError, UnknownNameError
    from search.output.formats import to_json
    from search.output.profile import profile_text

    typed = " ".join(name)
    try:
        with Index.open(index_dir) as ix:
            profile = ix.speaker_json(typed, sources=list(sources), since=since, until=until, on=on, period=period, terms=terms, descriptions=descriptions)
    except AmbiguousNameError as e:
        click.echo(f"error: '{typed}' names {len(e.candidates):,} speakers; name one by its id:", err=True)
        width = min(40, max(len(display) for _, display, _ in e.candidates[:20]))
        for ident, display, quotes in e.candidates[:20]:
            click.echo(f"  {quotes:>6,}  {display:<{width}}  search speaker ={ident}", err=True)
        if len(e.candidates) > 20:
            click.echo(f"  … and {len(e.candidates) - 20:,} more (search speakers --json lists every id)", err=True)
        raise Exit(USAGE) from None
    except UnknownNameError as e:
        click.echo(f"{e}", err=True)
        raise Exit(NOTHING) from None
    if as_json:
        click.echo(to_json(profile))
    else:
        colored = _color(color)
        _echo(profile_text(profile, colored, _width()), colored, nl=False)
    if not profile["quotes"]:
        click.echo(f"no quotes by {profile['name']} match {profile['query']}", err=True)
        raise Exit(NOTHING)


@main.command("sources")
@click.argument("text", required=False, default="")
@filter_options
@index_option
@output_options
@_handle_errors
def sources_cmd(text, speakers, sources, since, until, on, index_dir, fmt) -> None:
    """List sources (outlets) with article, quote and speaker counts and their dates.

    \b
    Examples:
      search sources
      search sources Clinton --since 2016-06 --json
    """
    from search.api import Index
    from search.models import SourceSummary

    with Index.open(index_dir) as ix:
        rows = ix.sources(text, speakers=list(speakers), sources=list(sources), since=since, until=until, on=on)

    def line(s: SourceSummary) -> str:
        return f"{s.articles:>6,} articles {s.quotes:>7,} quotes {s.speakers:>6,} speakers  {s.name}  [{s.first_date}…{s.last_date}]\n"

    _echo_rows(rows, fmt, SourceSummary, line, "no sources matched")


@main.command("stats")
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@_handle_errors
def stats_cmd(index_dir, as_json) -> None:
    """Summarise the index: articles, quotes, speakers, sources, dates, size.

    \b
    Examples:
      search stats
      search stats --index ~/clips-index --json
    """
    from search.api import Index

    with Index.open(index_dir) as ix:
        st = ix.stats()
    if as_json:
        click.echo(st.model_dump_json(indent=2))
        return
    for name, value in st.model_dump().items():
        label = name.replace("_", " ")
        if name == "size_bytes":
            label, value = "size on disk", f"{value / 1e6:,.1f} MB"
        elif isinstance(value, int):
            value = f"{value:,}"
        elif name == "last_updated" and value is not None:
            value = value.isoformat(sep=" ", timespec="seconds") + " UTC"
        click.echo(f"{label:>16}: {value if value is not None else '-'}")


@main.command("check")
@index_option
@click.option("--deep", is_flag=True, help="Also read every segment through (documents and postings), not only the checksums.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@_handle_errors
def check_cmd(index_dir, deep, as_json) -> None:
    """Check that the index on disk is whole: its table of contents loads, and every file of
    the last commit matches the checksums recorded when it was written (indexes written
    before checksums were kept are read through). Exit 0 when whole, 2 when damaged; a
    damaged index is started over with `search index --rebuild PATH...`.

    \b
    Examples:
      search check
      search check --index ~/clips-index --deep --json
    """
    from search.backend import backend_of, default_index_dir

    report = backend_of(index_dir or default_index_dir()).check(index_dir or default_index_dir(), deep=deep)
    if as_json:
        click.echo(report.model_dump_json(indent=2))
    elif report.ok:
        how = "checksums match" if report.checksums_recorded else "no checksums recorded; read through"
        click.echo(f"{report.index}: ok, generation {report.generation}, {report.files_checked} file(s) ({how})")
    else:
        click.echo(f"{report.index}: damaged", err=True)
        for problem in report.problems:
            click.echo(f"  {problem}", err=True)
        click.echo("start it over with: search index --rebuild PATH... (only the index's own files are removed)", err=True)
    if not report.ok:
        sys.exit(2)


@main.command("show")
@click.argument("doc_id")
@click.option("--context", "-C", type=click.IntRange(min=0), default=0, help="Paragraphs to show around a quote.")
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print the article or quote as JSON.")
@click.option("--provenance", is_flag=True, help="Also say where each field of the article came from (page metadata, a column, the manifest, …).")
@color_option
@_handle_errors
def show_cmd(doc_id, context, index_dir, as_json, provenance, color) -> None:
    """Show one quote in its paragraph, or a whole article with its quotes marked (ID from
    query output). Text folds to the terminal's width, and not at all when piped.

    \b
    Examples:
      search show "000_754b0dd6de0764fd.txt#q5"
      search show "000_754b0dd6de0764fd.txt#q5" -C 1
      search show 000_754b0dd6de0764fd.txt --color always | less -R
      search show 1001 --provenance --json
    """
    from search.api import Index
    from search.output.show import render_provenance, render_show, show

    with Index.open(index_dir) as ix:
        view = show(ix, doc_id, context)
    if as_json:
        click.echo(view.model_dump_json(indent=2))
    else:
        colored = _color(color)
        _echo(render_show(view, colored, _width()), colored)
    if provenance and not as_json:
        click.echo(render_provenance(view))


@main.command("trail")
@click.argument("quote_id")
@index_option
@output_options
@_handle_errors
def trail_cmd(quote_id, index_dir, fmt) -> None:
    """List every report of a quotation in date order: the quote QUOTE_ID and every quote of
    its group (the same words, or nearly, in other articles; a partial quote inside a longer
    one counts), with date, outlet, article, speaker and words. A quote reported once is a
    trail of one (exit 0); an unknown id exits 2. --jsonl and --csv give one report per line.

    \b
    Examples:
      search trail "wash-post_2016-06-13_responses#q4"
      search trail "wash-post_2016-06-13_responses#q4" --csv > trail.csv
      search query 'group:g1a2b3c4d5e6f'      the same reports, as hits
    """
    from search.api import Index
    from search.models import TrailReport
    from search.output.formats import render, to_json

    with Index.open(index_dir) as ix:
        trail = ix.trail_json(quote_id)
    if fmt == "json":
        click.echo(to_json(trail))
        return
    if fmt == "text":
        n, a, s = trail["quotes"], trail["articles"], len(trail["sources"])
        if trail["group"]:
            click.echo(f"{n:,} report(s) in {a:,} article(s) from {s:,} outlet(s); group {trail['group']}\n")
        else:
            click.echo("reported once: no other article quotes these words\n")

    def line(r: dict) -> str:
        who = r["speaker"] or r["speaker_mention"] or "unknown speaker"
        return f"{r['date'] or 'undated':10}  {r['source'] or '?'}  {r['title'] or r['article_id']}\n    {who}: “{r['text']}”\n    id: {r['quote_id']}\n\n"

    click.echo(render(trail["reports"], fmt, TrailReport, line), nl=False)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jsonl", "fmt", flag_value="jsonl", default=True, help="One quote per line as JSON (default).")
@click.option("--json", "fmt", flag_value="json", help="One JSON array.")
@click.option("--text", "fmt", flag_value="text", help="Readable listing.")
@learned_option()
@_handle_errors
def extract_cmd(paths, fmt, learned) -> None:
    """Print every quote found in PATHS, without an index (for checks and pipelines).

    \b
    Examples:
      search extract seeds/000_754b0dd6de0764fd.txt --text
      search extract articles.jsonl --rules-only > quotes.jsonl
    """
    from search.output.formats import to_json
    from search.quotes_from_files import extract_records

    found = 0
    records = []
    for item in extract_records(list(paths), learned):
        if isinstance(item, str):
            click.echo(f"warning: skipped {item}", err=True)
            continue
        found += 1
        if fmt == "jsonl":
            click.echo(item.model_dump_json())
        elif fmt == "json":
            records.append(item)
        else:
            click.echo(f"{item.article_id}  {item.kind:8}  {item.speaker or item.speaker_mention or '?'}: {item.text[:120]}")
    if fmt == "json":
        click.echo(to_json(records))
    if not found:
        raise Exit(NOTHING)


@main.command("schema")
@click.argument(
    "record",
    required=False,
    default="all",
    type=click.Choice(
        [
            "all",
            "result",
            "hit",
            "article",
            "quote",
            "speaker",
            "source",
            "stats",
            "index-report",
            "extracted",
            "show",
            "count",
            "trail",
            "profile",
            "trail-report",
        ]
    ),
)
@_handle_errors
def schema_cmd(record) -> None:
    """Print the JSON Schema of the records the CLI outputs.

    \b
    Examples:
      search schema hit
      search schema all > schemas.json
    """
    import json

    from search.json_schemas import json_schemas

    schemas = json_schemas()
    click.echo(json.dumps(schemas if record == "all" else schemas[record], indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
