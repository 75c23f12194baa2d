FROM grafana/loki:3.5
