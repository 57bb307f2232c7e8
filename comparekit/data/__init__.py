"""Shipped resources (cue lists, gazetteer, lexicons), read with importlib.resources."""
