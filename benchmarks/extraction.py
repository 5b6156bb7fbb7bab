"""Extraction throughput: articles per second on one core, and peak memory.

    python -m benchmarks.extraction [--articles 2000] [--size 5000] [--seed 7]

Articles are generated from sentence templates (lists of issuers, traps, negations, dates, furniture) to about
`--size` bytes each, so the figure reflects realistic sentence and country density. One process, one core.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import date

from tracker.countries import gazetteer
from tracker.extract import extract
from tracker.records import Document

ISSUERS = [
    "Japan",
    "Germany",
    "Britain",
    "the Netherlands",
    "Norway",
    "Latvia",
    "Canada",
    "Australia",
    "Israel",
    "South Korea",
    "Denmark",
    "Estonia",
    "Montenegro",
    "New Zealand",
    "Italy",
    "Belgium",
]
EVENT_SENTENCES = [
    "{a}, {b} and {c} on {weekday} advised their citizens to leave {target} because of the threat.",
    "{a} has ordered its nationals to leave {target}, the foreign ministry said on {month} {day}.",
    "{a} announced the evacuation of the families of its diplomats from {capital}.",
    "The {demonym} embassy in {capital} said it was temporarily relocating its operations to {city}.",
    "{a} suspended operations at its embassy in {capital} on {weekday}.",
    "{a} had already called for the withdrawal of its citizens from {target}.",
]
NOISE_SENTENCES = [
    "Amid fears of an invasion, troops were sent to {a} and {b} to reassure allies.",
    "Talks in {a} between envoys ended without agreement on {weekday}.",
    "{a} has no plans to evacuate its embassy, a spokesman said.",
    "{a} could order a drawdown of staff if the situation worsens.",
    "Markets in {a} fell as investors weighed the risk of a wider conflict in the region.",
    "Officials said the talks had been constructive but that several questions remained open for the next round.",
    "The airline said flights to {capital} would be suspended until further notice.",
    "Analysts said the build-up of forces near the border was the largest since the end of the Cold War.",
]
TARGETS = [("Ukraine", "Kyiv", "Lviv"), ("Lebanon", "Beirut", "Tripoli"), ("Sudan", "Khartoum", "Port Sudan")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def generate(count: int, size: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    demonyms = {"Japan": "Japanese", "Germany": "German", "Britain": "British", "Canada": "Canadian"}
    documents = []
    for index in range(count):
        target, capital, city = rng.choice(TARGETS)
        paragraphs: list[str] = []
        length = 0
        while length < size:
            a, b, c = rng.sample(ISSUERS, 3)
            template = rng.choice(EVENT_SENTENCES if rng.random() < 0.3 else NOISE_SENTENCES)
            sentence = template.format(
                a=a,
                b=b,
                c=c,
                target=target,
                capital=capital,
                city=city,
                weekday=rng.choice(WEEKDAYS),
                month="February",
                day=rng.randint(1, 20),
                demonym=demonyms.get(a, "Japanese"),
            )
            paragraphs.append(sentence)
            length += len(sentence) + 1
        text = f"Crisis report {index}\n\n" + "\n".join(paragraphs) + "\n\nLeave a Reply\nFrance should act!"
        documents.append(
            Document(
                url=f"bench://{index}",
                title=f"Crisis report {index}",
                text=text,
                published=date(2022, 2, 21),
                source="bench",
            )
        )
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    gazetteer()  # built once per process; not part of the per-article cost
    documents = generate(args.articles, args.size, args.seed)
    total_bytes = sum(len(d.text) for d in documents)
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    mentions = 0
    for document in documents:
        mentions += len(extract(document, date(2022, 2, 21), "UA"))
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles:            {len(documents)} (mean {total_bytes / len(documents) / 1000:.1f} KB)")
    print(f"mentions found:      {mentions}")
    print(f"CPU time:            {cpu:.2f} s  (wall {wall:.2f} s, one core)")
    print(f"throughput:          {len(documents) / cpu:.0f} articles/s per core, {total_bytes / cpu / 1e6:.2f} MB/s")
    print(f"peak memory (RSS):   {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
