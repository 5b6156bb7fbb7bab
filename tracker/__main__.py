"""`python -m tracker` runs the CLI (the tests start the daemon this way)."""

from tracker.cli import main

main()
