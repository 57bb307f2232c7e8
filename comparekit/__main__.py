from comparekit.cli import run

run()
