"""Evaluation harness: scores routing, retrieval, answers, abstention and latency on JSONL case files.

Run it with `python -m evals` (or `assistant-evals`); see evals/README.md.
"""
