# pasarbot in a container: build with cgo (SQLite), run as a non-root user,
# all state in the /var/lib/pasarbot volume.
#   docker build -t pasarbot .
#   docker run -it --rm -v pasarbot:/var/lib/pasarbot -v $PWD/config.yaml:/etc/pasarbot/config.yaml:ro pasarbot run   # link the phone once
#   docker run -d --name pasarbot --restart on-failure -v pasarbot:/var/lib/pasarbot -v $PWD/config.yaml:/etc/pasarbot/config.yaml:ro pasarbot

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/pasarbot ./cmd/pasarbot

FROM debian:bookworm-slim
# tzdata: market hours in Asia/Jakarta etc.; ca-certificates: WhatsApp's TLS.
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata \
	&& rm -rf /var/lib/apt/lists/* \
	&& useradd --system --uid 10001 --home-dir /var/lib/pasarbot --shell /usr/sbin/nologin pasarbot \
	&& install -d -m 0700 -o pasarbot -g pasarbot /var/lib/pasarbot \
	&& install -d -m 0755 /etc/pasarbot
COPY --from=build /out/pasarbot /usr/local/bin/pasarbot
COPY config.example.yaml /etc/pasarbot/config.yaml
USER pasarbot
WORKDIR /var/lib/pasarbot
VOLUME /var/lib/pasarbot
ENV PASARBOT_CONFIG=/etc/pasarbot/config.yaml
HEALTHCHECK --interval=1m --timeout=10s CMD ["pasarbot", "doctor", "--quiet"]
ENTRYPOINT ["pasarbot"]
CMD ["run"]
