// Generated from templates/nginx.conf.mustache by `ERS_UPDATE_GOLDEN=1 swift test --filter ERSGatewayTests`.
// Do not edit: edit the template and regenerate.

/// The compiled-in copy of `templates/nginx.conf.mustache`.
enum BundledNginxTemplate {
    /// The template's text, byte for byte.
    static let text = ##"""
{{% CONTENT_TYPE:TEXT}}
{{! nginx.conf for the ERS API gateway. Rendered by `ersctl render` (ERSGateway.NginxConfigRenderer).
    Every value comes from the spec through a view model whose strings are checked to be safe
    nginx tokens, so nothing here is quoted or escaped again. After an edit, run
    `ERS_UPDATE_GOLDEN=1 swift test --filter ERSGatewayTests` to refresh the copy compiled into
    ersctl (NginxConfigRenderer+BundledTemplate.swift) and the golden files. }}
# nginx.conf of the {{system}} API gateway ({{environment}}, {{targetDescription}}).
# Rendered by ersctl from templates/nginx.conf.mustache: edit the spec, not this file.
# Config generation {{configGeneration}} (served as X-Config-Generation on /healthz).
#
# Runs unprivileged (nginxinc/nginx-unprivileged): no `user` directive, an unprivileged listen
# port, and the pid file and temp files under {{tempRoot}} (an emptyDir / tmpfs); the root
# filesystem can be read-only.

worker_processes {{workerProcesses}};
pid {{pidPath}};
error_log {{errorLog}} warn;

events {
    worker_connections 4096;
}

http {
    server_tokens off;
    default_type application/json;

    client_body_temp_path {{tempRoot}}/client_temp;
    proxy_temp_path {{tempRoot}}/proxy_temp;
    fastcgi_temp_path {{tempRoot}}/fastcgi_temp;
    uwsgi_temp_path {{tempRoot}}/uwsgi_temp;
    scgi_temp_path {{tempRoot}}/scgi_temp;

    # X-Request-ID: a well-formed id from the client is kept, anything else is replaced by
    # nginx's own $request_id. Sent upstream, returned to the client and logged.
    map $http_x_request_id $ers_request_id {
        default $request_id;
        "~^[A-Za-z0-9._:-]{1,128}$" $http_x_request_id;
    }

    # One JSON object per request. Upstream fields are strings: they are empty when no upstream
    # was asked and lists ("10.0.0.7:8080, 10.0.0.8:8080") when nginx retried another server.
    # config_generation is the generation of the config that served the request (a worker of an
    # older config finishing its requests after a reload logs the older one): the rollout
    # executor's gates count only requests served with the weights of the current step.
    log_format ers_json escape=json '{"time":"$time_iso8601","request_id":"$ers_request_id",'
        '"remote_addr":"$remote_addr","method":"$request_method","uri":"$uri","status":$status,'
        '"request_time":$request_time,"upstream":"$proxy_host","upstream_addr":"$upstream_addr",'
        '"upstream_status":"$upstream_status","upstream_response_time":"$upstream_response_time",'
        '"bytes_sent":$body_bytes_sent,"config_generation":"{{configGeneration}}"}';
    access_log {{accessLog}} ers_json;

    keepalive_timeout 65s;
    client_header_timeout 10s;
    client_body_timeout 30s;
    client_max_body_size {{clientMaxBodySize}};
{{#hasTrustedProxies}}

    # The client address for rate limits and logs: the last untrusted address of
    # X-Forwarded-For, trusted only when the request comes from one of these proxies.
{{/hasTrustedProxies}}
{{#trustedProxies}}
    set_real_ip_from {{.}};
{{/trustedProxies}}
{{#hasTrustedProxies}}
    real_ip_header X-Forwarded-For;
    real_ip_recursive on;
{{/hasTrustedProxies}}
{{#rateLimit}}

    # {{requestsPerSecond}} requests per second per client address, bursts of {{burst}} served at once.
    limit_req_zone $binary_remote_addr zone=ers_per_client:10m rate={{requestsPerSecond}}r/s;
    limit_req_status 429;
    limit_req_log_level warn;
{{/rateLimit}}

    # Upstream requests: HTTP/1.1 keep-alive, bounded timeouts, one retry on another server for
    # connection errors and timeouts (never for non-idempotent requests).
    proxy_http_version 1.1;
    proxy_connect_timeout {{connectTimeout}};
    proxy_send_timeout {{sendTimeout}};
    proxy_read_timeout {{readTimeout}};
    proxy_next_upstream error timeout;
    proxy_next_upstream_tries 2;

    # The complete header set for routed requests (locations must not add proxy_set_header, or
    # they would drop all of these). X-User and X-Roles are never taken from the client: they are
    # empty (so not sent) unless auth_request filled them from the verify response.
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Request-ID $ers_request_id;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-User $ers_user;
    proxy_set_header X-Roles $ers_roles;
    proxy_hide_header X-Powered-By;
{{#upstreams}}

    upstream {{name}} {
{{#servers}}
        server {{.}};
{{/servers}}
        keepalive 32;
        keepalive_time 60s;
        keepalive_timeout 30s;
    }
{{/upstreams}}
{{#testRoutes}}

    # Test routing of {{service}}: requests with {{condition}} go to the new version only.
{{#upstream}}
    upstream {{name}} {
{{#servers}}
        server {{.}};
{{/servers}}
        keepalive 32;
        keepalive_time 60s;
        keepalive_timeout 30s;
    }
{{/upstream}}
{{#maps}}
    map {{source}} {{variable}} {
        default {{fallback}};
        {{key}} {{target}};
    }
{{/maps}}
{{/testRoutes}}

    server {
        listen {{listenPort}} default_server;
        server_name _;
        absolute_redirect off;

        set $ers_user "";
        set $ers_roles "";
        set $ers_config_generation "";

        add_header X-Request-ID $ers_request_id always;
        add_header X-Config-Generation $ers_config_generation always;
        add_header X-Content-Type-Options nosniff always;
        add_header X-Frame-Options DENY always;
        add_header Referrer-Policy no-referrer always;
        add_header Content-Security-Policy "default-src 'none'; frame-ancestors 'none'" always;
        add_header Strict-Transport-Security "max-age=31536000" always;

        error_page 401 @error_401;
        error_page 403 @error_403;
        error_page 404 @error_404;
        error_page 413 @error_413;
        error_page 429 @error_429;
        error_page 500 @error_500;
        error_page 502 @error_502;
        error_page 503 @error_503;
        error_page 504 @error_504;

        # Liveness and readiness of the gateway itself, and the generation of the config that
        # serves (the rollout executor compares it after a reload).
        location = /healthz {
            access_log off;
            default_type text/plain;
            set $ers_config_generation "{{configGeneration}}";
            return 200 "ok\n";
        }

        # auth_request target: the auth service's verify endpoint, asked with the client's
        # headers but without its body. 2xx lets the request through, 401/403 are returned.
        location = /_auth {
            internal;
            proxy_pass http://{{authUpstream}}{{verifyPath}};
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_set_header X-Original-URI $request_uri;
            proxy_set_header X-Original-Method $request_method;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Request-ID $ers_request_id;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-User "";
            proxy_set_header X-Roles "";
        }
{{#locations}}

        # route {{route}} -> {{upstream}}{{#isPublic}} (public: no auth_request){{/isPublic}}
        location {{modifier}}{{path}} {
{{^isPublic}}
            auth_request /_auth;
            auth_request_set $ers_user $upstream_http_x_user;
            auth_request_set $ers_roles $upstream_http_x_roles;
{{/isPublic}}
{{#rateLimit}}
            limit_req zone=ers_per_client burst={{burst}} nodelay;
{{/rateLimit}}
            proxy_pass http://{{upstream}};
        }
{{/locations}}
{{#notFoundFallback}}

        # Anything no route matches.
        location / {
            return 404 '{"error":"not_found"}\n';
        }
{{/notFoundFallback}}

        location @error_401 { return 401 '{"error":"unauthorized"}\n'; }
        location @error_403 { return 403 '{"error":"forbidden"}\n'; }
        location @error_404 { return 404 '{"error":"not_found"}\n'; }
        location @error_413 { return 413 '{"error":"payload_too_large"}\n'; }
        location @error_429 { return 429 '{"error":"too_many_requests"}\n'; }
        location @error_500 { return 500 '{"error":"internal_error"}\n'; }
        location @error_502 { return 502 '{"error":"bad_gateway"}\n'; }
        location @error_503 { return 503 '{"error":"service_unavailable"}\n'; }
        location @error_504 { return 504 '{"error":"gateway_timeout"}\n'; }
    }
}

"""##
}
