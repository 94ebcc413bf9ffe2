"""Write the source texts' fingerprints: `python scripts/copy_fingerprints.py`.

The near-copy tests (tests/test_content_trust.py) hold the site's own text
against the two source texts. The texts are not ours to publish, so the
repository keeps only their fingerprints (tests/support/copying.py says what they
are and why they cannot be read back), in tests/data/source_fingerprints.json.
Run this where the texts are (shared/seeds beside the repository, or
NEUROINFO_SEEDS) after they change, and commit the file; a test fails while
the committed file differs from what this script would write.
"""

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.support.copying import FINGERPRINT_KEY, SHINGLE_WORDS, fingerprints  # noqa: E402

OUTPUT = REPO / "tests" / "data" / "source_fingerprints.json"


def seeds_folder():
    """The source texts' folder: NEUROINFO_SEEDS, or `shared/seeds` beside the
    repository (or beside one of its parents, for a git worktree); None when
    neither is there, as on a clean clone."""
    if os.environ.get("NEUROINFO_SEEDS"):
        return Path(os.environ["NEUROINFO_SEEDS"])
    for folder in REPO.parents:
        candidate = folder / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


def source_texts(folder):
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}


def build(texts):
    """The file's content, as text: the same texts always give the same bytes."""
    about = (
        "Fingerprints of the source texts in shared/seeds, for the near-copy tests: for "
        "each sentence of 8 words or more, the keyed 32-bit BLAKE2b hash of every run of "
        f"{SHINGLE_WORDS} words (key {FINGERPRINT_KEY.decode()!r}), in order. No word is "
        "stored. Made by scripts/copy_fingerprints.py; tests/support/copying.py explains them."
    )
    # One sentence a line: a change to the texts shows as a readable diff.
    files = []
    for name, sentences in fingerprints(texts).items():
        lines = ",\n".join(f"   {json.dumps(list(s))}" for s in sentences)
        files.append(f"  {json.dumps(name)}: [\n{lines}\n  ]")
    sources = ",\n".join(files)
    return f'{{\n "_about": {json.dumps(about)},\n "sources": {{\n{sources}\n }}\n}}\n'


def main():
    folder = seeds_folder()
    texts = source_texts(folder) if folder else {}
    if not texts:
        sys.exit(
            "No source texts: put them in shared/seeds beside the repository, or set "
            "NEUROINFO_SEEDS to their folder."
        )
    OUTPUT.write_text(build(texts), encoding="utf-8")
    count = sum(len(s) for s in fingerprints(texts).values())
    print(f"{OUTPUT.relative_to(REPO)}: {count} sentences from {len(texts)} texts")


if __name__ == "__main__":
    main()
