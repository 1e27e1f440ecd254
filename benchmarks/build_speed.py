#!/usr/bin/env python3
"""Build speed of hyoka against Hugo on the same synthetic site.

Generates N areas (about 1 KB of Japanese Markdown prose each: emphasis, a bullet list, a small
GFM table), one dataset of N rows x 5 fiscal years (2019-2023), and an equivalent Hugo site (same
prose, the same counts table and an SVG bar chart per page from per-area data files). Builds both
in turns with the floor (build/hyoka_floor: cmark-gfm alone on the same Markdown plus writing
the same files), RUNS times each, and prints medians, the ratio hyoka/Hugo, peak memory and
hyoka's ratio to the floor.

  python3 benchmarks/build_speed.py [AREAS] [--runs 5] [--warmup 2]
      [--hyoka build/generator/hyoka] [--keep DIR] [--generate-only DIR]
  python3 benchmarks/build_speed.py [AREAS] --compare OTHER [--runs 7]

--compare builds the site with hyoka and with the binary OTHER (hyoka built from another
commit, say) in turns, each into a destination of its own, and prints the median of each
round's OTHER/hyoka ratio: how much a change costs or saves, measured the way a keep-or-remove
decision needs it.

Peak memory needs GNU time (/usr/bin/time, Debian package `time`); Hugo (Debian package `hugo`)
is skipped with a note when it is not installed. Not a test: run it on a quiet machine.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

YEARS = [2019, 2020, 2021, 2022, 2023]


def prose(i):
    return f"""第{i}施策展開方向では、**地域のデジタル化**を着実に推進し、県民サービスの向上を図った。
市町村と連携して *オープンデータ* の公開を進め、行政手続のオンライン化や窓口の効率化に取り組んだ。

- 情報発信事業において動画配信や SNS を効果的に活用し、県の魅力を国内外に発信した。
- 携帯電話の通話エリアの拡大と、光ファイバ網の整備を推進した。
- 人材育成のための講座を開催し、延べ{100 + i % 900}人が受講した。

| 区分 | 内容 |
|---|---|
| 主な事業 | 地域情報化推進事業 |
| 担当 | デジタル変革課 |

今後も、**県民の利便性向上**に向けて、データの利活用と関係機関との連携を一層強化していく。
取組の成果と課題を検証し、次期計画に反映させる。
"""


def counts(i):
    implemented = [10 + (i * 7 + k * 3) % 30 for k in range(len(YEARS))]
    achieved = [n - (i + k) % 5 for k, n in enumerate(implemented)]
    return implemented, achieved


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def area_id(i):
    return f"area-{i:05d}"


def generate_hyoka(root, areas, repo):
    write(f"{root}/site.toml", 'title = "合成サイト"\nbase_url = "https://example.jp/bench/"\n'
          'area_label = "施策展開方向"\n')
    shutil.copytree(f"{repo}/themes", f"{root}/themes")
    write(f"{root}/content/_index.md", '+++\ntitle = "合成サイト"\n+++\n\n'
          "各施策展開方向の取組を総括する。\n")
    rows = []
    for i in range(areas):
        write(f"{root}/content/areas/{area_id(i)}.md",
              f'+++\ntitle = "施策展開方向{i}"\nsubtitle = "地域のデジタル化の推進"\n'
              f"weight = {i + 1}\n+++\n\n{prose(i)}")
        implemented, achieved = counts(i)
        rows.append(f'[[rows]]\narea = "{area_id(i)}"\nimplemented = {implemented}\n'
                    f"achieved    = {achieved}\n")
    write(f"{root}/content/data/achievement.toml",
          'title = "施策展開方向毎の事業の達成状況"\nunit = "件"\n'
          f"periods = {YEARS}\n\n"
          '[measures.implemented]\nlabel = "実施事業項目"\n\n'
          '[measures.achieved]\nlabel = "目標達成項目"\nat_most = "implemented"\n\n'
          '[ratios.rate]\nlabel = "達成項目の割合"\nnumerator = "achieved"\n'
          'denominator = "implemented"\n\n' + "\n".join(rows))


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><nav><a href="{{ "" | relURL }}">ホーム</a></nav><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div>
{{ $d := index .Site.Data.areas .File.ContentBaseName }}
<table><caption>施策展開方向毎の事業の達成状況（件）</caption>
<thead><tr><th scope="col">年度</th>{{ range $d.periods }}<th scope="col">{{ . }}年度</th>{{ end }}</tr></thead>
<tbody>
<tr><th scope="row">実施事業項目</th>{{ range $d.implemented }}<td>{{ . }}</td>{{ end }}</tr>
<tr><th scope="row">目標達成項目</th>{{ range $d.achieved }}<td>{{ . }}</td>{{ end }}</tr>
<tr><th scope="row">達成項目の割合</th>{{ range $i, $n := $d.implemented }}<td>{{ lang.FormatNumber 1 (div (mul 100.0 (index $d.achieved $i)) $n) }}%</td>{{ end }}</tr>
</tbody></table>
{{ $max := 0 }}{{ range $d.implemented }}{{ if gt . $max }}{{ $max = . }}{{ end }}{{ end }}
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {{ add 20 (mul 40 (len $d.periods)) }}" role="img" aria-label="実施事業項目と目標達成項目">
{{ range $i, $p := $d.periods }}{{ $y := add 10 (mul 40 $i) }}
<text x="0" y="{{ add $y 14 }}" font-size="12">{{ $p }}年度</text>
<rect x="80" y="{{ $y }}" width="{{ div (mul 500 (index $d.implemented $i)) $max }}" height="16" fill="#1f5fa8"/>
<rect x="80" y="{{ add $y 18 }}" width="{{ div (mul 500 (index $d.achieved $i)) $max }}" height="16" fill="#7fb24f"/>
<text x="{{ add 84 (div (mul 500 (index $d.implemented $i)) $max) }}" y="{{ add $y 13 }}" font-size="12">{{ index $d.implemented $i }}</text>
{{ end }}</svg>
{{ end }}
"""
HUGO_HOME = """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<div class="prose">{{ .Content }}</div>
<ol>{{ range (where .Site.RegularPages "Section" "areas").ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>
{{ end }}
"""


def generate_hugo(root, areas):
    write(f"{root}/hugo.toml", 'baseURL = "https://example.jp/bench/"\nlanguageCode = "ja"\n'
          'title = "合成サイト"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]\n')
    write(f"{root}/layouts/_default/baseof.html", HUGO_BASEOF)
    write(f"{root}/layouts/_default/single.html", HUGO_SINGLE)
    write(f"{root}/layouts/_default/list.html", HUGO_HOME)
    write(f"{root}/layouts/index.html", HUGO_HOME)
    write(f"{root}/content/_index.md", '+++\ntitle = "合成サイト"\n+++\n\n'
          "各施策展開方向の取組を総括する。\n")
    for i in range(areas):
        write(f"{root}/content/areas/{area_id(i)}.md",
              f'+++\ntitle = "施策展開方向{i}"\nweight = {i + 1}\n+++\n\n{prose(i)}')
        implemented, achieved = counts(i)
        write(f"{root}/data/areas/{area_id(i)}.toml",
              f"periods = {YEARS}\nimplemented = {implemented}\nachieved = {achieved}\n")


def timed(command, cwd):
    """Wall seconds and peak resident memory in MiB (None without GNU time)."""
    gnu_time = shutil.which("time", path="/usr/bin")
    prefix = [gnu_time, "-f", "%M"] if gnu_time else []
    # What the run before left for the disk to write is written first, not during this run.
    os.sync()
    start = time.perf_counter()
    run = subprocess.run(prefix + command, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"build_speed: {' '.join(command)} failed:\n{run.stderr}")
    peak = int(run.stderr.strip().splitlines()[-1]) / 1024 if gnu_time else None
    return seconds, peak


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="?", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2,
                        help="untimed builds of each first (default 2): a first build creates "
                             "every file, later ones write over the last build's, as in daily use")
    parser.add_argument("--hyoka", default=f"{repo}/build/generator/hyoka")
    parser.add_argument("--keep", help="generate the sites into this folder and keep them")
    parser.add_argument("--generate-only", metavar="DIR",
                        help="write the hyoka site into DIR and stop")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--floor", default=f"{repo}/build/hyoka_floor")
    parser.add_argument("--compare", metavar="OTHER",
                        help="another hyoka binary to build the same site with, in turns")
    args = parser.parse_args()

    if args.generate_only:
        generate_hyoka(args.generate_only, args.areas, repo)
        return
    work = args.keep or tempfile.mkdtemp(prefix="hyoka-bench-")
    if args.compare:
        compare(args, work, repo)
        return
    hyoka_site, hugo_site = f"{work}/hyoka", f"{work}/hugo"
    shutil.rmtree(hyoka_site, ignore_errors=True)
    shutil.rmtree(hugo_site, ignore_errors=True)
    generate_hyoka(hyoka_site, args.areas, repo)
    hugo = None if args.no_hugo else shutil.which("hugo")
    if hugo:
        generate_hugo(hugo_site, args.areas)
    hyoka_cmd = [os.path.abspath(args.hyoka), "build", "--quiet"]
    hugo_cmd = [hugo, "--quiet", "--destination", "public"] if hugo else None

    def floor_run():
        os.sync()
        run = subprocess.run([args.floor, hyoka_site], capture_output=True, text=True, check=True)
        return dict(line.split() for line in run.stdout.splitlines())

    # hyoka, Hugo and the floor take turns, so that all three see the machine in the same state
    # (on a shared machine the speed of the disk and of the cores drifts over minutes).
    has_floor = os.path.exists(args.floor)
    for _ in range(args.warmup):
        timed(hyoka_cmd, hyoka_site)
        if hugo:
            timed(hugo_cmd, hugo_site)
        if has_floor:
            floor_run()
    results = {"hyoka": [], "hugo": []}
    floors = []
    for _ in range(args.runs):
        results["hyoka"].append(timed(hyoka_cmd, hyoka_site))
        if hugo:
            results["hugo"].append(timed(hugo_cmd, hugo_site))
        if has_floor:
            values = floor_run()
            floors.append(float(values["markdown"]) + float(values["write"]))

    def row(name, runs):
        median = statistics.median(s for s, _ in runs)
        if os.environ.get("BUILD_SPEED_ALL"):
            print(f"{name} runs: " + " ".join(f"{s:.3f}" for s, _ in runs))
        peaks = [p for _, p in runs if p is not None]
        peak = f"{max(peaks):.0f} MiB" if peaks else "n/a"
        print(f"{name:<6} {median:>9.3f} s {peak:>10}")
        return median

    print(f"{args.areas} areas, {args.runs} runs each, medians")
    print(f"{'tool':<6} {'wall':>11} {'peak RSS':>10}")
    ours = row("hyoka", results["hyoka"])
    if hugo:
        theirs = row("hugo", results["hugo"])
        print(f"hyoka/Hugo: {ours / theirs:.2f}")
    elif args.no_hugo:
        print("Hugo left out (--no-hugo)")
    else:
        print("Hugo not installed (apt-get install hugo): skipped")
    if has_floor:
        floor = statistics.median(floors)
        print(f"{'floor':<6} {floor:>9.3f} s {'':>10}  (cmark-gfm + writing "
              f"{values['files']} files)")
        # Each round's hyoka and floor ran minutes apart at most; their ratio, taken round by
        # round, drifts less with the machine than the ratio of the two medians.
        paired = statistics.median(h / f for (h, _), f in zip(results["hyoka"], floors))
        print(f"hyoka/floor: {ours / floor:.2f} (medians), {paired:.2f} (median of each "
              f"round's ratio)")
    else:
        print(f"floor left out: {args.floor} not built")
    if not shutil.which("time", path="/usr/bin"):
        print("peak memory needs GNU time (apt-get install time)")
    if not args.keep:
        shutil.rmtree(work)


def compare(args, work, repo):
    """hyoka against another hyoka binary on one site, each with its own destination."""
    site = f"{work}/hyoka"
    shutil.rmtree(site, ignore_errors=True)
    generate_hyoka(site, args.areas, repo)
    commands = {
        name: [os.path.abspath(binary), "build", "--quiet", "--destination", f"{work}/out-{name}"]
        for name, binary in (("hyoka", args.hyoka), ("other", args.compare))
    }
    for _ in range(args.warmup):
        for command in commands.values():
            timed(command, site)
    rounds = []
    for _ in range(args.runs):
        rounds.append({name: timed(command, site) for name, command in commands.items()})
    for name in commands:
        runs = [r[name][0] for r in rounds]
        if os.environ.get("BUILD_SPEED_ALL"):
            print(f"{name} runs: " + " ".join(f"{s:.3f}" for s in runs))
        peak = max((r[name][1] or 0) for r in rounds)
        print(f"{name:<6} {statistics.median(runs):>9.3f} s {peak:>6.0f} MiB")
    ratio = statistics.median(r["other"][0] / r["hyoka"][0] for r in rounds)
    print(f"{args.areas} areas, {args.runs} rounds: other/hyoka {ratio:.3f} (median of each "
          f"round's ratio; above 1: the other is slower)")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
