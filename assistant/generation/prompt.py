"""The messages a language model gets for a generated answer: the fixed instructions of `prompt.toml`,
one worked example, then the question and the numbered passages."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROMPT_FILE = Path(__file__).with_name("prompt.toml")


@dataclass(frozen=True)
class PromptTexts:
    system: str
    user: str
    example_question: str
    example_passages: tuple[str, ...]
    example_answer: str


@functools.cache
def load_prompt(path: Path = PROMPT_FILE) -> PromptTexts:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return PromptTexts(
        data["system"],
        data["user"],
        data["example_question"],
        tuple(data["example_passages"]),
        data["example_answer"],
    )


def numbered(passages: Mapping[int, str]) -> str:
    # One line per passage: a passage's own line breaks can't pose as a new numbered passage.
    return "\n".join(f"[{number}] {' '.join(text.split())}" for number, text in sorted(passages.items()))


def messages(question: str, passages: Mapping[int, str], texts: PromptTexts | None = None) -> list:
    """LangChain messages: system, the worked example (user, assistant), the real question."""
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    texts = texts or load_prompt()
    example = dict(enumerate(texts.example_passages, start=1))
    return [
        SystemMessage(texts.system),
        HumanMessage(texts.user.format(question=texts.example_question, passages=numbered(example))),
        AIMessage(texts.example_answer),
        HumanMessage(texts.user.format(question=" ".join(question.split()), passages=numbered(passages))),
    ]
