"""The eval suite: cases as data, deterministic checkers shared with the agents, reports."""
