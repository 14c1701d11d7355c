#!/usr/bin/env python3
"""Checks compare_tables.py's maths: python3 kube-client-benchmarks/scripts/compare_tables_test.py (standard library)."""
import unittest

import compare_tables

RAW = """\
load before: something that is not a RESULT line
RESULT scenario=full-list client=jdk-gzip ms=400.0 allocMiB=60.0 gcCount=4 gcMs=10 peakGrowthMiB=50.0
RESULT scenario=full-list client=jdk-gzip ms=200.0 allocMiB=62.0 gcCount=4 gcMs=10 peakGrowthMiB=52.0
RESULT scenario=full-list client=jdk-gzip ms=300.0 allocMiB=61.0 gcCount=4 gcMs=10 peakGrowthMiB=51.0
RESULT scenario=full-list client=fabric8 ms=600.0 allocMiB=80.0 gcCount=6 gcMs=20 peakGrowthMiB=100.0
RESULT scenario=full-list client=fabric8 ms=500.0 allocMiB=80.0 gcCount=6 gcMs=20 peakGrowthMiB=100.0
RESULT scenario=throughput client=kube-client requests=599 seconds=10 qps=50 burst=100 threads=4
RESULT scenario=throughput client=official requests=4000 seconds=10 qps=none burst=none threads=4
RESULT scenario=watch-churn client=kube-client protocol=h2 cycles=1000 totalMs=900.0 medianMs=0.8 p99Ms=9.0 maxMs=20.0 connections=1
RESULT scenario=many-watches client=kube-client threads=platform watchers=1000 connections=5
""".splitlines()


class CompareTablesTest(unittest.TestCase):

    def setUp(self):
        self.runs = compare_tables.parse(RAW)

    def test_lines_group_by_scenario_and_client(self):
        self.assertEqual(len(self.runs["full-list"]["jdk-gzip"]), 3)
        self.assertEqual(len(self.runs["full-list"]["fabric8"]), 2)
        self.assertEqual(self.runs["watch-churn"]["kube-client"][0]["protocol"], "h2")

    def test_median_and_minimum_with_ratios_against_the_baseline(self):
        ms = compare_tables.summary(self.runs, "full-list", "ms")
        self.assertEqual(ms["jdk-gzip"], (300.0, 200.0, 1.0, 1.0))
        # fabric8: median 550 / 300, minimum 500 / 200.
        self.assertAlmostEqual(ms["fabric8"][0], 550.0)
        self.assertAlmostEqual(ms["fabric8"][2], 550.0 / 300.0)
        self.assertAlmostEqual(ms["fabric8"][3], 500.0 / 200.0)

    def test_scenarios_without_a_baseline_have_no_ratio(self):
        churn = compare_tables.summary(self.runs, "watch-churn", "medianMs")
        self.assertEqual(churn["kube-client"], (0.8, 0.8, None, None))

    def test_a_limiter_is_numeric_and_no_limiter_stays_text(self):
        self.assertEqual(self.runs["throughput"]["kube-client"][0]["qps"], 50.0)
        self.assertEqual(self.runs["throughput"]["official"][0]["qps"], "none")
        self.assertEqual(compare_tables.client_go_budget(50.0, 100.0, 10.0), 600.0)

    def test_clients_come_in_a_fixed_order(self):
        self.assertEqual(compare_tables.ordered(["official", "fabric8", "kube-client", "jdk"]),
                         ["jdk", "kube-client", "fabric8", "official"])


if __name__ == "__main__":
    unittest.main()
