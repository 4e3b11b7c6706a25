# The judge: one image for the API and the workers (`judge serve`, `judge worker`).
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release -p cli && cp target/release/judge /usr/local/bin/judge

FROM rust:1.95-slim-bookworm
# The toolchains submissions are compiled with, the compile jail, and Python for the installer.
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang-19 lld-19 wasi-libc libc++-19-dev-wasm32 \
      libc++abi-19-dev-wasm32 libclang-rt-19-dev-wasm32 bubblewrap python3 python3-pip ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && rustup target add wasm32-wasip1
WORKDIR /judge
COPY --from=build /usr/local/bin/judge /usr/local/bin/judge
COPY scripts ./scripts
COPY problems ./problems
RUN JUDGE_TOOLCHAINS=/judge/.toolchains bash scripts/install.sh \
 && bash scripts/generate-data.sh
ENV JUDGE_TOOLCHAINS=/judge/.toolchains JUDGE_PROBLEMS=/judge/problems JUDGE_CACHE_DIR=/var/cache/judge
EXPOSE 8080
CMD ["judge", "serve", "--listen", "0.0.0.0:8080"]
