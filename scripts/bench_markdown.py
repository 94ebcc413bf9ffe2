"""Time the Markdown renderer on hostile inputs: `python scripts/bench_markdown.py`.

Each input runs in its own process with a time limit, so a slow one cannot
hang the script. Prints seconds, or the error the renderer raised, for each.
Not a test: figures, for docs/security.md.
"""

import multiprocessing
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LIMIT_SECONDS = 20

INPUTS = {
    "real page (high-risk.md)": lambda: (
        Path(__file__).resolve().parent.parent / "content/starting/pages/high-risk.md"
    ).read_text(),
    "10 KB of [": lambda: "[" * 10_000,
    "50 KB of [": lambda: "[" * 50_000,
    "50 KB of [a": lambda: "[a" * 25_000,
    "50 KB of ![": lambda: "![" * 25_000,
    "50 KB of *": lambda: "*" * 50_000,
    "50 KB of _a": lambda: "_a" * 25_000,
    "50 KB of `": lambda: "`" * 50_000,
    "50 KB of <": lambda: "<" * 50_000,
    "50 KB of [](": lambda: "[](" * 16_000,
    "lists nested 400 deep": lambda: "".join("    " * i + "- x\n" for i in range(400)),
    "quotes nested 400 deep": lambda: ">" * 400 + " x\n",
    "lists nested 400 deep, by tabs": lambda: "".join("\t" * i + "- x\n" for i in range(400)),
    "lists nested 20 deep (the limit)": lambda: "".join("    " * i + "- x\n" for i in range(20)),
    "99 KB of plain paragraphs": lambda: ("Some plain words here. " * 20 + "\n\n") * 210,
    "99 KB: blocks of 200 [a": lambda: ("[a" * 200 + "\n\n") * 245,
    "99 KB: one block with 200 [": lambda: "[" * 200 + "a" * 98_000,
    "at the link bound: 5 [ in 99 KB": lambda: "[" * 5 + "a" * 99_000,
    "at the link bound: 700 [ in 700": lambda: "[" * 700,
    "at the link bound: [a x 350": lambda: "[a" * 350,
    "at the link bound: blocks of 20 [a": lambda: ("[a" * 20 + "\n\n") * 1_200,
}


def run(name, queue):
    from content.rendering import MarkdownError, render_markdown

    text = INPUTS[name]()
    start = time.perf_counter()
    try:
        render_markdown(text)
        outcome = "rendered"
    except MarkdownError as error:
        outcome = f"refused: {error}"
    except RecursionError:
        outcome = "RecursionError"
    queue.put((time.perf_counter() - start, outcome))


if __name__ == "__main__":
    for name in INPUTS:
        queue = multiprocessing.Queue()
        process = multiprocessing.Process(target=run, args=(name, queue))
        process.start()
        process.join(LIMIT_SECONDS)
        if process.is_alive():
            process.kill()
            print(f"{name:32} > {LIMIT_SECONDS} s (killed)")
            continue
        seconds, outcome = queue.get()
        print(f"{name:32} {seconds:8.3f} s  {outcome[:90]}")
