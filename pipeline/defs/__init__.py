"""Dagster objects only, one module per stage; each asset reads its inputs, calls pure functions, attaches metadata."""
