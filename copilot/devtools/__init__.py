"""Tools for tests and benchmarks (a fake OpenAI-compatible server); not used at run time."""
