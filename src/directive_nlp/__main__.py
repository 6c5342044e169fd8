"""``python -m directive_nlp``: the same command line as ``directive-nlp``."""

from directive_nlp.cli import main

if __name__ == "__main__":
    main()
