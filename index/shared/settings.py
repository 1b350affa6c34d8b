"""One settings object, read from the environment (prefix ``ASSISTANT_``), overridable in tests."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore", frozen=True)

    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="Source documents (.txt, .md, .html).")
    index_dir: Path = Field(PROJECT_ROOT / "var" / "index", description="Where the embedded index lives.")
    chroma_url: str | None = Field(
        None, description="Chroma HTTP server, e.g. http://127.0.0.1:8000; unset means the embedded index."
    )
    chroma_token: SecretStr | None = Field(None, description="Bearer token for the Chroma server, if any.")
    chroma_timeout: float = Field(10.0, description="Seconds to wait for the Chroma server per request.")
    reconnect_seconds: float = Field(
        5.0, description="While the index is unavailable, how often a question retries opening it."
    )
    collection: str = Field(
        "clonazepam",
        description="Chroma collection name (on a server, builds add '-<build id>'; one index per name).",
    )

    chunk_size: int = Field(700, description="Maximum characters per chunk.")
    chunk_overlap: int = Field(120, description="Characters shared by neighbouring chunks.")

    top_k: int = Field(4, description="Passages returned with an answer.")
    candidates: int = Field(12, description="Candidates taken from each retriever before fusion.")
    rrf_k: int = Field(10, description="Reciprocal rank fusion constant (small: short candidate lists).")
    max_quotes: int = Field(3, description="Most sentences quoted in one answer.")
    abstention_model: Path = Field(
        PROJECT_ROOT / "assistant" / "abstention_model.json",
        description="When to abstain: fitted on the QA dev set by `python -m assistant.calibrate`.",
    )
    query_adaptation: bool = Field(
        True, description="Move questions' vectors towards the page's wording by the fitted query adapter."
    )
    query_adapter: Path = Field(
        PROJECT_ROOT / "assistant" / "query_adapter.npz",
        description="Its factors: fitted on the QA dev sets by `python -m assistant.fit_query_adapter`.",
    )
    question_bank: Path = Field(
        PROJECT_ROOT / "assistant" / "question_bank.npz",
        description="Dev questions, for abstention and quotes: `python -m assistant.fit_question_bank`.",
    )
    max_message_chars: int = Field(2000, description="Longer messages are trimmed, with a notice.")

    semantic_backstop: bool = Field(True, description="Escalate safety routing by embedding similarity.")
    learned_escalation: bool = Field(
        True, description="Escalate safety routing by the learned n-gram classifier (normalised text)."
    )
    learned_escalation_model: Path = Field(
        PROJECT_ROOT / "assistant" / "safety" / "learned_model.npz",
        description="Its n-grams, weights and threshold: fitted by `python -m assistant.safety.fit`.",
    )

    llm_url: str | None = Field(
        None,
        description="Opt-in generated answers: an OpenAI-compatible base URL (llama.cpp server, vLLM, "
        "Ollama, a hosted API), e.g. http://127.0.0.1:8080/v1; unset keeps answers extractive and offline.",
    )
    llm_model: str = Field("local", description="Model name sent to that server.")
    llm_api_key: SecretStr | None = Field(None, description="Its API key, if it needs one.")
    llm_timeout: float = Field(
        20.0, description="Seconds to wait for the model; slower answers fall back to the quoted answer."
    )
    llm_max_tokens: int = Field(160, description="Longest generated answer, in tokens.")
    llm_verifier: Path = Field(
        PROJECT_ROOT / "assistant" / "generation" / "verifier.json",
        description="When a generated sentence counts as supported (fitted by "
        "`python -m assistant.generation.calibrate`).",
    )

    host: str = Field("127.0.0.1", description="Address the web app binds to.")
    port: int = Field(7860, description="Port of the web app.")
    staff_users: str = Field(
        "",
        description="Staff accounts: 'name:pbkdf2_sha256$...' entries, comma-separated; empty disables.",
    )
    embed_origins: str = Field(
        "",
        description="Sites that may show the visitor chat in a frame, space-separated "
        "(e.g. 'https://example.org'); the staff console never may.",
    )
    feedback_db: Path | None = Field(
        None, description="SQLite file for opt-in feedback/transcripts; unset keeps nothing."
    )

    @field_validator("chroma_url", "chroma_token", "feedback_db", "llm_url", "llm_api_key", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        """`ASSISTANT_FEEDBACK_DB=` (empty) means off, not the current folder; likewise the others."""
        return None if isinstance(value, str) and not value.strip() else value
