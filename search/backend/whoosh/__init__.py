"""The Whoosh backend: everything in the package that knows Whoosh."""
