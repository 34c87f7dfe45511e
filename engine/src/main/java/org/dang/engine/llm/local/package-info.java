/**
 * The local LLM backend: DeepSeek-R1-Distill-Qwen (Qwen2 architecture) run in-process on DJL's
 * PyTorch engine. A Hugging Face model folder is read memory-mapped ({@link SafetensorsFile}),
 * the forward pass is written with NDArray operations ({@link Qwen2Network}), and sampling runs in
 * Java on the last position's logits. {@link LocalModel} is the entry point; it works on token ids
 * and text pieces, and the {@code ChatModel} adapter in the parent package wraps it.
 */
package org.dang.engine.llm.local;
