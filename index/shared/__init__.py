"""The lowest layer: helpers that both `index` and `assistant` use, importing neither.

Settings, the offline environment, the embedding model, span pooling, drug names and the chat
history's user turns. Nothing here imports `index.*` outside `index.shared`, or `assistant`.
"""
