#!/usr/bin/env python3
"""Build speed of hyoka against Hugo on the same synthetic site.

Shape `counts` (the default): N areas (about 1 KB of Japanese Markdown prose each: emphasis, a
bullet list, a small GFM table) and one dataset of N rows x 5 fiscal years (2019-2023). Shape
`kpi`: the same pages and one KPI dataset of N x --indicators indicators (baseline, target,
3 fiscal years of actual values, some missing; rates graded A-D, X without a rate).

Each shape has a Hugo twin that makes the same pages: the same prose, the same tables with the
same figures, and the charts hyoka's page carries (the chart at 696 and at 288 units wide,
with its heading, summary, labels, values, tooltips and ticks, and the wide one as a file of
its own), computed by Hugo's templates from per-area data files. Builds both in turns with the
floor (build/hyoka_floor: cmark-gfm alone on the same Markdown plus writing the same files),
RUNS times each, and prints medians, the ratio hyoka/Hugo, peak memory and hyoka's ratio to
the floor.

  python3 benchmarks/build_speed.py [AREAS] [--shape counts|kpi] [--indicators 10]
      [--runs 5] [--warmup 2] [--hyoka build/generator/hyoka] [--keep DIR]
      [--generate-only DIR]
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


KPI_YEARS = [2022, 2023, 2024]
KPI_UNITS = ["人", "件", "%", "回", "千円"]
KPI_GRADES = [("a", "A", "達成率100%以上", 100), ("b", "B", "達成率80%以上100%未満", 80),
              ("c", "C", "達成率50%以上80%未満", 50), ("d", "D", "達成率50%未満", None)]


def indicator(i, k):
    """Indicator k of area i: figures as a report prints them, one decimal for percentages,
    some actual values missing; every fourth indicator lower-is-better."""
    unit = KPI_UNITS[k % len(KPI_UNITS)]
    lower = k % 4 == 3
    seed = i * 31 + k * 17
    base = 200 + seed % 800
    target = base * 4 // 5 if lower else base * 6 // 5
    actual = []
    for y in range(len(KPI_YEARS)):
        if (seed + y) % 17 == 0:
            actual.append(None)
            continue
        step = (seed * (y + 3)) % 300 - 100
        actual.append(max(1, (base - step) if lower else (base + step)))
    text = (lambda v: f"{v / 10:.1f}") if unit == "%" else (lambda v: f"{v:,}")
    return {"id": f"a{i:05d}-k{k + 1:02d}", "name": f"重点指標{k + 1}", "unit": unit,
            "better": "lower" if lower else "higher", "baseline": text(base),
            "target": text(target), "actual": [None if v is None else text(v) for v in actual],
            "numbers": (base, target, actual), "percent": unit == "%"}


def generate_hyoka_kpi(root, areas, repo, per_area):
    write(f"{root}/site.toml", 'title = "合成サイト"\nbase_url = "https://example.jp/bench/"\n'
          'area_label = "施策"\n')
    shutil.copytree(f"{repo}/themes", f"{root}/themes")
    write(f"{root}/content/_index.md", '+++\ntitle = "合成サイト"\n+++\n\n'
          "各施策の重要業績評価指標を検証する。\n")
    scale = "".join(f'[scale.grades.{g}]\nlabel = "{label}"\ndefinition = "{d}"\n\n'
                    for g, label, d, _ in KPI_GRADES)
    bounds = "".join(f"{g} = {b}\n" for g, _, _, b in KPI_GRADES if b is not None)
    parts = [f'title = "重要業績評価指標の達成状況"\nunit = "指標"\nperiods = {KPI_YEARS}\n\n'
             '[[missing]]\nreason = "未集計"\nsymbol = "…"\n\n[scale]\nlabel = "達成度"\n\n'
             + scale + '[scale.grades.x]\nlabel = "X"\ndefinition = "実績値がなく判定できない"\n'
             'special = true\n\n[achievement]\nformula = "actual / final target"\n'
             'decimals = 1\nno_rate = "x"\n\n[achievement.at_least]\n' + bounds]
    for i in range(areas):
        write(f"{root}/content/areas/{area_id(i)}.md",
              f'+++\ntitle = "施策{i}"\nsubtitle = "地域のデジタル化の推進"\n'
              f"weight = {i + 1}\n+++\n\n{prose(i)}")
        for k in range(per_area):
            ind = indicator(i, k)
            actual = ", ".join('"未集計"' if v is None else f'"{v}"' for v in ind["actual"])
            parts.append(f'\n[[indicators]]\narea = "{area_id(i)}"\nid = "{ind["id"]}"\n'
                         f'name = "{ind["name"]}"\nunit = "{ind["unit"]}"\n'
                         f'better = "{ind["better"]}"\n'
                         f'baseline = {{ value = "{ind["baseline"]}", year = 2020 }}\n'
                         f'target = {{ value = "{ind["target"]}", year = 2026 }}\n'
                         f"actual = [{actual}]\n")
    write(f"{root}/content/data/kpi.toml", "".join(parts))


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><nav><a href="{{ "" | relURL }}">ホーム</a></nav><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div>
{{ $d := index .Site.Data.areas .File.ContentBaseName }}
{{ $title := printf "%s：施策展開方向毎の事業の達成状況" .Title }}
{{ $wide := partial "chart.html" (dict "d" $d "width" 696 "id" "chart-achievement" "title" $title) }}
<figure class="chart" id="chart-achievement">{{ $wide }}
{{ partial "chart.html" (dict "d" $d "width" 288 "id" "chart-achievement-narrow" "title" $title) }}
{{ $file := resources.FromString (path.Join "areas" .File.ContentBaseName "chart-achievement.svg") (printf `<?xml version="1.0" encoding="UTF-8"?>%s` $wide) }}
<figcaption><a href="{{ $file.RelPermalink }}" download>「{{ $title }}」のグラフ（SVG形式）をダウンロード</a></figcaption></figure>
<table><caption>施策展開方向毎の事業の達成状況（件）</caption>
<thead><tr><th scope="col">年度</th>{{ range $d.periods }}<th scope="col">{{ . }}年度</th>{{ end }}</tr></thead>
<tbody>
<tr><th scope="row">実施事業項目</th>{{ range $d.implemented }}<td>{{ . }}</td>{{ end }}</tr>
<tr><th scope="row">目標達成項目</th>{{ range $d.achieved }}<td>{{ . }}</td>{{ end }}</tr>
<tr><th scope="row">達成項目の割合</th>{{ range $i, $n := $d.implemented }}<td>{{ lang.FormatNumber 1 (div (mul 100.0 (index $d.achieved $i)) $n) }}%</td>{{ end }}</tr>
</tbody></table>
{{ end }}
"""
# The chart as hyoka draws it: heading, summary sentence, per fiscal year its two bars with
# their labels, values and tooltips and the ratio's line, grid lines and ticks; the page
# carries it at 696 and 288 units wide, and the wide one is also a file of its own.
HUGO_CHART = """{{ $d := .d }}{{ $w := .width }}{{ $id := .id }}
{{ $max := 0 }}{{ range $d.implemented }}{{ if gt . $max }}{{ $max = . }}{{ end }}{{ end }}
{{ $domain := mul (math.Ceil (div $max 10.0)) 10 }}{{ $span := sub $w 130.0 }}
{{ $hi := -1.0 }}{{ $hiYear := 0 }}{{ $lo := 101.0 }}{{ $loYear := 0 }}
{{ range $i, $n := $d.implemented }}{{ $r := div (mul 100.0 (index $d.achieved $i)) $n }}{{ if gt $r $hi }}{{ $hi = $r }}{{ $hiYear = index $d.periods $i }}{{ end }}{{ if lt $r $lo }}{{ $lo = $r }}{{ $loYear = index $d.periods $i }}{{ end }}{{ end }}
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{ $w }} 537" width="{{ $w }}" height="537" role="img" aria-labelledby="{{ $id }}-title" aria-describedby="{{ $id }}-summary" font-size="12" class="chart">
<title id="{{ $id }}-title">{{ .title }}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
{{ range $t := seq 0 10 $domain }}<line x1="{{ add 90 (div (mul $span $t) $domain) }}" y1="62.5" x2="{{ add 90 (div (mul $span $t) $domain) }}" y2="506.5" stroke="#d8d8db" stroke-width="1"/>
{{ end }}<text x="12" y="27.75" font-size="1.25em" fill="#1a1a1c" font-weight="700" class="heading">{{ .title }}</text>
<g id="{{ $id }}-summary"><text x="12" y="49.1" fill="#1a1a1c">達成項目の割合が最も高いのは{{ $hiYear }}年度の{{ lang.FormatNumber 1 $hi }}%、最も低いのは{{ $loYear }}年度の{{ lang.FormatNumber 1 $lo }}%です。</text></g>
{{ range $i, $p := $d.periods }}{{ $y := add 62 (mul 90 $i) }}{{ $n := index $d.implemented $i }}{{ $a := index $d.achieved $i }}
<text x="12" y="{{ add $y 13 }}" fill="#1a1a1c" font-weight="700">{{ $p }}年度</text>
<text x="12" y="{{ add $y 31 }}" fill="#1a1a1c">実施事業項目</text>
<rect x="90" y="{{ add $y 20 }}" width="{{ div (mul $span $n) $domain }}" height="14" fill="#12436d" class="bar" data-value="{{ $n }}"><title>{{ $p }}年度 実施事業項目：{{ $n }}件</title></rect>
<text x="{{ add 94 (div (mul $span $n) $domain) }}" y="{{ add $y 31 }}" fill="#1a1a1c">{{ $n }}</text>
<text x="12" y="{{ add $y 53 }}" fill="#1a1a1c">目標達成項目</text>
<rect x="90" y="{{ add $y 42 }}" width="{{ div (mul $span $a) $domain }}" height="14" fill="#28a197" class="bar" data-value="{{ $a }}"><title>{{ $p }}年度 目標達成項目：{{ $a }}件</title></rect>
<text x="{{ add 94 (div (mul $span $a) $domain) }}" y="{{ add $y 53 }}" fill="#1a1a1c">{{ $a }}</text>
<text x="12" y="{{ add $y 75 }}" fill="#4d4d57">達成項目の割合 {{ lang.FormatNumber 1 (div (mul 100.0 $a) $n) }}%（{{ $a }}/{{ $n }}件）</text>
{{ end }}{{ range $t := seq 0 10 $domain }}<text x="{{ add 90 (div (mul $span $t) $domain) }}" y="522.1" fill="#4d4d57" text-anchor="middle" class="tick">{{ $t }}</text>
{{ end }}</svg>
"""
HUGO_HOME = """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<div class="prose">{{ .Content }}</div>
<ol>{{ range (where .Site.RegularPages "Section" "areas").ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>
{{ end }}
"""


# The KPI page as hyoka makes it: each indicator's rate (actual ÷ target, or target ÷ actual
# when lower is better) and grade per fiscal year, the grades counted per year into a table of
# counts and shares, their 100% stacked chart at two widths (and as a file), and the table of
# indicators.
HUGO_KPI_SINGLE = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div>
{{ $d := index .Site.Data.areas .File.ContentBaseName }}
{{ $counts := newScratch }}{{ $rows := slice }}
{{ range $d.indicators }}{{ $ind := . }}{{ $cells := slice }}
{{ range $y, $a := .actual }}{{ $grade := "X" }}{{ $rate := "−" }}
{{ if ge $a 0.0 }}{{ $r := cond (eq $ind.better "lower") (div (mul 100.0 $ind.target) $a) (div (mul 100.0 $a) $ind.target) }}
{{ $r = div (math.Round (mul $r 10)) 10.0 }}{{ $rate = printf "%s%%" (lang.FormatNumber 1 $r) }}
{{ $grade = cond (ge $r 100.0) "A" (cond (ge $r 80.0) "B" (cond (ge $r 50.0) "C" "D")) }}{{ end }}
{{ $counts.Add (printf "%d-%s" $y $grade) 1 }}
{{ $cells = $cells | append (dict "value" $a "actual" (index $ind.actual_text $y) "rate" $rate "grade" $grade) }}{{ end }}
{{ $rows = $rows | append (dict "ind" $ind "cells" $cells) }}{{ end }}
{{ $n := len $d.indicators }}
{{ $title := printf "%s：達成度の構成比" .Title }}
{{ $wide := partial "grades.html" (dict "d" $d "counts" $counts "n" $n "width" 696 "id" "chart-kpi" "title" $title "area" .Title) }}
<figure class="chart" id="chart-kpi">{{ $wide }}
{{ partial "grades.html" (dict "d" $d "counts" $counts "n" $n "width" 288 "id" "chart-kpi-narrow" "title" $title "area" .Title) }}
{{ $file := resources.FromString (path.Join "areas" .File.ContentBaseName "chart-kpi.svg") (printf `<?xml version="1.0" encoding="UTF-8"?>%s` $wide) }}
<figcaption><a href="{{ $file.RelPermalink }}" download>「{{ $title }}」のグラフ（SVG形式）をダウンロード</a></figcaption></figure>
<table><caption>{{ .Title }}：重要業績評価指標の達成状況（単位：指標）</caption>
<thead><tr><th scope="col" rowspan="2">項目</th>{{ range $d.periods }}<th scope="colgroup" colspan="2">{{ . }}年度</th>{{ end }}</tr>
<tr>{{ range $d.periods }}<th scope="col">件数</th><th scope="col">割合</th>{{ end }}</tr></thead>
<tbody>{{ range $g := slice "A" "B" "C" "D" "X" }}<tr><th scope="row">{{ $g }}</th>{{ range $y, $p := $d.periods }}{{ $c := or ($counts.Get (printf "%d-%s" $y $g)) 0 }}<td class="num">{{ $c }}</td><td class="num">{{ lang.FormatNumber 1 (div (mul 100.0 $c) $n) }}%</td>{{ end }}</tr>{{ end }}
<tr><th scope="row">合計</th>{{ range $d.periods }}<td class="num">{{ $n }}</td><td class="num"></td>{{ end }}</tr></tbody></table>
<ul class="table-notes"><li>A：達成率100%以上</li><li>B：達成率80%以上100%未満</li><li>C：達成率50%以上80%未満</li><li>D：達成率50%未満</li><li>X：実績値がなく判定できない</li></ul>
{{ $page := . }}{{ range $k, $row := $rows }}{{ $cid := printf "chart-kpi-%s" $row.ind.id }}
{{ $ctitle := printf "%s：%s（%s）" $page.Title $row.ind.name $row.ind.unit }}
{{ $cwide := partial "indicator.html" (dict "row" $row "width" 696 "id" $cid "title" $ctitle "periods" $d.periods) }}
<figure class="chart" id="{{ $cid }}">{{ $cwide }}
{{ partial "indicator.html" (dict "row" $row "width" 288 "id" (printf "%s-narrow" $cid) "title" $ctitle "periods" $d.periods) }}
{{ $cfile := resources.FromString (path.Join "areas" $page.File.ContentBaseName (printf "%s.svg" $cid)) (printf `<?xml version="1.0" encoding="UTF-8"?>%s` $cwide) }}
<figcaption><a href="{{ $cfile.RelPermalink }}" download>「{{ $ctitle }}」のグラフ（SVG形式）をダウンロード</a></figcaption></figure>
{{ end }}
<table><caption>{{ .Title }}：重要業績評価指標の達成状況（指標別）</caption>
<thead><tr><th scope="col" rowspan="2">指標</th><th scope="col" rowspan="2">単位</th><th scope="col" rowspan="2">基準値</th><th scope="col" rowspan="2">目標値</th>{{ range $d.periods }}<th scope="colgroup" colspan="3">{{ . }}年度</th>{{ end }}</tr>
<tr>{{ range $d.periods }}<th scope="col">実績値</th><th scope="col">達成率</th><th scope="col">達成度</th>{{ end }}</tr></thead>
<tbody>{{ range $rows }}<tr><th scope="row">{{ .ind.name }}</th><td>{{ .ind.unit }}</td><td class="num">{{ .ind.baseline_text }}（2020年度）</td><td class="num">{{ .ind.target_text }}（2026年度）</td>{{ range .cells }}<td class="num">{{ .actual }}</td><td class="num">{{ .rate }}</td><td>{{ .grade }}</td>{{ end }}</tr>
{{ end }}</tbody></table>
<ul class="table-notes"><li>達成率は、実績値÷目標値の百分率で、小数第2位を四捨五入し、小数第1位まで表示しています。</li>
{{ range $d.indicators }}{{ if eq .better "lower" }}<li>「{{ .name }}」は値が小さいほど良い指標で、達成率は目標値÷実績値の百分率です。</li>{{ end }}{{ end }}</ul>
{{ end }}
"""
HUGO_KPI_CHART = """{{ $d := .d }}{{ $w := .width }}{{ $id := .id }}{{ $counts := .counts }}{{ $n := .n }}{{ $area := .area }}
{{ $span := sub $w 24.0 }}{{ $colors := dict "A" "#08467d" "B" "#3b7f6e" "C" "#b8500f" "D" "#6e1f5c" "X" "#6b6b6b" }}
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{ $w }} 345" width="{{ $w }}" height="345" role="img" aria-labelledby="{{ $id }}-title" aria-describedby="{{ $id }}-summary" font-size="12" class="chart">
<title id="{{ $id }}-title">{{ .title }}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="12" y="27.75" font-size="1.25em" fill="#1a1a1c" font-weight="700" class="heading">{{ .title }}</text>
<g id="{{ $id }}-summary"><text x="12" y="49.1" fill="#1a1a1c">{{ $area }}の{{ index $d.periods 2 }}年度の「A」の割合は{{ lang.FormatNumber 1 (div (mul 100.0 (or ($counts.Get "2-A") 0)) $n) }}%です。</text></g>
<text x="12" y="73.1" fill="#1a1a1c" font-weight="700">凡例</text>
{{ range $k, $g := slice "A" "B" "C" "D" "X" }}<rect x="12" y="{{ add 81.5 (mul 18 $k) }}" width="12" height="12" fill="{{ index $colors $g }}" class="key"/><text x="30" y="{{ add 91.1 (mul 18 $k) }}" fill="#1a1a1c">{{ $g }}</text>
{{ end }}{{ range $y, $p := $d.periods }}{{ $top := add 194.5 (mul 50 $y) }}{{ $x := 12.0 }}
<text x="12" y="{{ sub $top 5.4 }}" fill="#1a1a1c">{{ $p }}年度</text>
{{ range $g := slice "A" "B" "C" "D" "X" }}{{ $c := or ($counts.Get (printf "%d-%s" $y $g)) 0 }}{{ if gt $c 0 }}{{ $sw := div (mul $span $c) $n }}{{ $share := lang.FormatNumber 1 (div (mul 100.0 $c) $n) }}
<rect x="{{ $x }}" y="{{ $top }}" width="{{ $sw }}" height="22" fill="{{ index $colors $g }}" class="segment" data-share="{{ $share }}"><title>{{ $area }}の{{ $p }}年度 {{ $g }}：{{ $share }}%（{{ $c }}指標）</title></rect>
<line x1="{{ $x }}" y1="{{ $top }}" x2="{{ $x }}" y2="{{ add $top 22 }}" stroke="#ffffff" stroke-width="2"/>
<text x="{{ add $x (div $sw 2) }}" y="{{ add $top 15.2 }}" fill="#ffffff" text-anchor="middle" class="on-segment">{{ $share }}%</text>
{{ $x = add $x $sw }}{{ end }}{{ end }}{{ end }}</svg>
"""


# One indicator's chart as hyoka draws it: heading, summary, the baseline's outlined bar, a bar
# per fiscal year coloured by its grade with the value, rate and grade after it, the final
# target as a dashed line with its label, ticks.
HUGO_KPI_INDICATOR = """{{ $ind := .row.ind }}{{ $cells := .row.cells }}{{ $w := .width }}{{ $id := .id }}
{{ $colors := dict "A" "#08467d" "B" "#3b7f6e" "C" "#b8500f" "D" "#6e1f5c" "X" "#6b6b6b" }}
{{ $max := $ind.target }}{{ if gt $ind.baseline $max }}{{ $max = $ind.baseline }}{{ end }}
{{ range $ind.actual }}{{ if gt . $max }}{{ $max = . }}{{ end }}{{ end }}
{{ $step := math.Pow 10 (math.Floor (div (math.Log (div $max 4.0)) 2.302585092994046)) }}{{ $domain := mul (math.Ceil (div $max $step)) $step }}
{{ $span := sub $w 260.0 }}
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{ $w }} 250" width="{{ $w }}" height="250" role="img" aria-labelledby="{{ $id }}-title" aria-describedby="{{ $id }}-summary" font-size="12" class="chart">
<title id="{{ $id }}-title">{{ .title }}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="12" y="27.75" font-size="1.25em" fill="#1a1a1c" font-weight="700" class="heading">{{ $ind.name }}（{{ $ind.unit }}）</text>
{{ range $t := seq 0 $step $domain }}<line x1="{{ add 140 (div (mul $span $t) $domain) }}" y1="78" x2="{{ add 140 (div (mul $span $t) $domain) }}" y2="176" stroke="#d8d8db" stroke-width="1"/>
{{ end }}<g id="{{ $id }}-summary"><text x="12" y="49.1" fill="#1a1a1c">「{{ $ind.name }}」の目標値は{{ $ind.target_text }}{{ $ind.unit }}（2026年度）、基準値は{{ $ind.baseline_text }}{{ $ind.unit }}（2020年度）です。実績値は{{ range $y, $c := $cells }}{{ if $y }}、{{ end }}{{ index $.periods $y }}年度が{{ $c.actual }}{{ $ind.unit }}（達成率{{ $c.rate }}、{{ $c.grade }}）{{ end }}です。</text></g>
{{ if eq $ind.better "lower" }}<text x="12" y="67.1" fill="#4d4d57">値が小さいほど良い指標です。</text>{{ end }}
<text x="12" y="93.1" fill="#1a1a1c">基準値（2020年度）</text>
<rect x="140" y="82.5" width="{{ div (mul $span $ind.baseline) $domain }}" height="14" fill="none" stroke="#12436d" stroke-width="1.5" class="bar baseline" data-value="{{ $ind.baseline_text }}"><title>基準値（2020年度）：{{ $ind.baseline_text }}{{ $ind.unit }}</title></rect>
<text x="{{ add 144 (div (mul $span $ind.baseline) $domain) }}" y="93.1" fill="#1a1a1c">{{ $ind.baseline_text }}{{ $ind.unit }}</text>
{{ range $y, $c := $cells }}{{ $top := add 104.5 (mul 22 $y) }}{{ $p := index $.periods $y }}
<text x="12" y="{{ add $top 10.6 }}" fill="#1a1a1c">{{ $p }}年度</text>
{{ if ge $c.value 0.0 }}<rect x="140" y="{{ $top }}" width="{{ div (mul $span $c.value) $domain }}" height="14" fill="{{ index $colors $c.grade }}" class="bar" data-value="{{ $c.actual }}"><title>{{ $p }}年度：{{ $c.actual }}{{ $ind.unit }}（達成率{{ $c.rate }}、{{ $c.grade }}）</title></rect>
<text x="{{ add 144 (div (mul $span $c.value) $domain) }}" y="{{ add $top 10.6 }}" fill="#1a1a1c">{{ $c.actual }}{{ $ind.unit }}（{{ $c.rate }} {{ $c.grade }}）</text>
{{ else }}<text x="144" y="{{ add $top 10.6 }}" fill="#4d4d57">…（未集計）</text>{{ end }}{{ end }}
<line x1="{{ add 140 (div (mul $span $ind.target) $domain) }}" y1="76" x2="{{ add 140 (div (mul $span $ind.target) $domain) }}" y2="176" stroke="#1a1a1c" stroke-width="2" stroke-dasharray="6 3" class="target" data-value="{{ $ind.target_text }}"/>
{{ $tx := add 140 (div (mul $span $ind.target) $domain) }}<path d="M{{ $tx }} 62L{{ add $tx 6 }} 68L{{ $tx }} 74L{{ sub $tx 6 }} 68Z" fill="#1a1a1c" stroke="#ffffff" stroke-width="1.5" class="target-mark"/>
<text x="{{ add 140 (div (mul $span $ind.target) $domain) }}" y="72" fill="#1a1a1c" text-anchor="middle">目標値 {{ $ind.target_text }}{{ $ind.unit }}（2026年度）</text>
{{ range $t := seq 0 $step $domain }}<text x="{{ add 140 (div (mul $span $t) $domain) }}" y="200" fill="#4d4d57" text-anchor="middle" class="tick">{{ lang.FormatNumber 0 $t }}</text>
{{ end }}</svg>
"""


def generate_hugo_kpi(root, areas, per_area):
    generate_hugo(root, areas, data=False, label="施策")
    write(f"{root}/layouts/_default/single.html", HUGO_KPI_SINGLE)
    write(f"{root}/layouts/partials/grades.html", HUGO_KPI_CHART)
    write(f"{root}/layouts/partials/indicator.html", HUGO_KPI_INDICATOR)
    for i in range(areas):
        parts = [f"periods = {KPI_YEARS}\n"]
        for k in range(per_area):
            ind = indicator(i, k)
            base, target, actual = ind["numbers"]
            scale = 10 if ind["percent"] else 1
            values = ", ".join("-1.0" if v is None else f"{v / scale}" for v in actual)
            texts = ", ".join('"…"' if v is None else f'"{v}"' for v in ind["actual"])
            parts.append(f'[[indicators]]\nid = "{ind["id"]}"\nname = "{ind["name"]}"\nunit = "{ind["unit"]}"\n'
                         f'better = "{ind["better"]}"\nbaseline = {base / scale}\n'
                         f'baseline_text = "{ind["baseline"]}"\n'
                         f'target = {target / scale}\ntarget_text = "{ind["target"]}"\n'
                         f"actual = [{values}]\nactual_text = [{texts}]\n")
        write(f"{root}/data/areas/{area_id(i)}.toml", "".join(parts))


def generate_hugo(root, areas, data=True, label="施策展開方向"):
    write(f"{root}/hugo.toml", 'baseURL = "https://example.jp/bench/"\nlanguageCode = "ja"\n'
          'title = "合成サイト"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]\n')
    write(f"{root}/layouts/_default/baseof.html", HUGO_BASEOF)
    write(f"{root}/layouts/_default/single.html", HUGO_SINGLE)
    write(f"{root}/layouts/partials/chart.html", HUGO_CHART)
    write(f"{root}/layouts/_default/list.html", HUGO_HOME)
    write(f"{root}/layouts/index.html", HUGO_HOME)
    write(f"{root}/content/_index.md", '+++\ntitle = "合成サイト"\n+++\n\n'
          "各施策展開方向の取組を総括する。\n")
    for i in range(areas):
        write(f"{root}/content/areas/{area_id(i)}.md",
              f'+++\ntitle = "{label}{i}"\nweight = {i + 1}\n+++\n\n{prose(i)}')
        if not data:
            continue
        implemented, achieved = counts(i)
        write(f"{root}/data/areas/{area_id(i)}.toml",
              f"periods = {YEARS}\nimplemented = {implemented}\nachieved = {achieved}\n")


def generate(args, root, repo, hugo_root=None):
    """The hyoka site of the chosen shape into root, and its Hugo twin into hugo_root."""
    if args.shape == "kpi":
        generate_hyoka_kpi(root, args.areas, repo, args.indicators)
        if hugo_root:
            generate_hugo_kpi(hugo_root, args.areas, args.indicators)
    else:
        generate_hyoka(root, args.areas, repo)
        if hugo_root:
            generate_hugo(hugo_root, args.areas)


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
    parser.add_argument("--shape", choices=["counts", "kpi"], default="counts",
                        help="counts: one dataset of counts (default); kpi: a KPI dataset of "
                             "--indicators indicators per area")
    parser.add_argument("--indicators", type=int, default=10)
    parser.add_argument("--compare", metavar="OTHER",
                        help="another hyoka binary to build the same site with, in turns")
    args = parser.parse_args()

    if args.generate_only:
        generate(args, args.generate_only, repo)
        return
    work = args.keep or tempfile.mkdtemp(prefix="hyoka-bench-")
    if args.compare:
        compare(args, work, repo)
        return
    hyoka_site, hugo_site = f"{work}/hyoka", f"{work}/hugo"
    shutil.rmtree(hyoka_site, ignore_errors=True)
    shutil.rmtree(hugo_site, ignore_errors=True)
    hugo = None if args.no_hugo else shutil.which("hugo")
    generate(args, hyoka_site, repo, hugo_site if hugo else None)
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

    shape = f", {args.indicators} KPI indicators each" if args.shape == "kpi" else ""
    print(f"{args.areas} areas{shape}, {args.runs} runs each, medians")
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
    generate(args, site, repo)
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
