"""The query stage: from what a user typed to the documents that match it.

The query language is parsed once into our own small tree (`tree`, `parser`); a request
(the text plus filters, with forgiving speaker and source names) is compiled against an index
(`request`, `names`), and a backend (`search.backend`) runs it. `suggest` builds "did you
mean", `snippets` the windows shown with each hit.
"""
