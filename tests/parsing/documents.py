"""Where the parser tests' documents are: the seeds and our own documents."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DOCS = Path(__file__).resolve().parent / "docs"

SEED_BIOGRAPHY = "000_2593bb3e1f49e045.txt"
SEED_WEB = "001_58c1bbaa3b92f6dc.txt"
SEED_OUTLET = "002_a7e6b26a14ad5d49.txt"
