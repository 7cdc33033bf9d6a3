# nginx on loopback, serving a published folder as rota(1)'s DEPLOYMENT
# tells operators to: no listing (autoindex off: the personal feeds' names
# are their secrets), .ics as text/calendar (Debian's mime.types has no
# .ics). Started as root (CI) its workers run as nginx's default
# unprivileged user, as a deployed nginx's do: what it serves must be
# readable by others, as publish leaves its folder (0711, files by the
# umask); the test root is opened for them to pass through (0711).
[ "$(id -u)" != 0 ] || chmod 711 "$TEST_ROOT"

# nginx_start DIR [URLPATH]: serves the folder DIR (an absolute path) at
# http://127.0.0.1:$PORT/URLPATH (default /, else as /feeds/), on a free
# port ($PORT), until the test ends (nginx in the foreground, started by
# test_bg). Its configuration and logs are in ./ng.
nginx_start() {
	local dir=$1 at=${2:-/}
	PORT=$(free_port) && mkdir -p ng/tmp &&
	cat >ng/nginx.conf <<-CONF &&
	worker_processes 1;
	pid $PWD/ng/nginx.pid;
	error_log $PWD/ng/error.log;
	events { worker_connections 64; }
	http {
		include /etc/nginx/mime.types;
		access_log off;
		client_body_temp_path $PWD/ng/tmp/body;
		proxy_temp_path $PWD/ng/tmp/proxy;
		fastcgi_temp_path $PWD/ng/tmp/fastcgi;
		uwsgi_temp_path $PWD/ng/tmp/uwsgi;
		scgi_temp_path $PWD/ng/tmp/scgi;
		server {
			listen 127.0.0.1:$PORT;
			location $at {
				alias $dir/;
				autoindex off;
				types { text/calendar ics; text/html html; }
			}
		}
	}
	CONF
	test_bg nginx -p "$PWD/ng" -c "$PWD/ng/nginx.conf" -e "$PWD/ng/error.log" \
		-g "daemon off;" &&
	test_wait_for 5 "nginx to answer on port $PORT" \
		curl -s -o /dev/null "http://127.0.0.1:$PORT/" ||
	{ cat ng/error.log; return 1; }
}
