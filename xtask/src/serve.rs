//! `cargo xtask serve`: a small HTTP/1.1 server for `dist/` on 127.0.0.1,
//! one thread per connection, GET and HEAD only, `Connection: close`; the build's
//! precompressed `.br`/`.gz` copies are sent when the request accepts them.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::thread;
use std::time::Duration;

use crate::build;
use crate::paths;
use crate::static_files::{self, Encoding, Lookup};
use crate::tools;
use crate::Result;

const DEFAULT_PORT: u16 = 8080;

/// How many ports after the wanted one to try when it is busy.
const PORT_ATTEMPTS: u16 = 50;

#[derive(Debug, PartialEq, Eq)]
struct Options {
    port: u16,
    build: bool,
}

fn parse_options(args: &[String]) -> Result<Options> {
    let mut options = Options {
        port: DEFAULT_PORT,
        build: true,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--no-build" => options.build = false,
            "--port" => {
                let value = args.next().ok_or("`--port` needs a number")?;
                options.port = value
                    .parse()
                    .map_err(|_| format!("`--port {value}`: not a port number"))?;
            }
            other => {
                return Err(format!(
                    "`serve` does not know `{other}`; see `cargo xtask help`"
                ))
            }
        }
    }
    Ok(options)
}

pub fn command(args: &[String]) -> Result<()> {
    let options = parse_options(args)?;
    if options.build {
        let toolchain = tools::setup()?;
        build::release(&toolchain)?;
    }
    let root = paths::dist_dir();
    if !root.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html; run `cargo xtask build` first",
            root.display()
        ));
    }
    let (listener, port) = bind_first_free(options.port, PORT_ATTEMPTS)?;
    println!("Serving klaster at http://127.0.0.1:{port}/");
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let root = root.clone();
                thread::spawn(move || {
                    if let Err(err) = handle(stream, &root) {
                        eprintln!("    connection error: {err}");
                    }
                });
            }
            Err(err) => eprintln!("    accept failed: {err}"),
        }
    }
    Ok(())
}

/// The listener on the first port from `wanted` that is not in use.
fn bind_first_free(wanted: u16, attempts: u16) -> Result<(TcpListener, u16)> {
    for port in candidate_ports(wanted, attempts) {
        match TcpListener::bind(("127.0.0.1", port)) {
            Ok(listener) => return Ok((listener, port)),
            Err(err) if err.kind() == io::ErrorKind::AddrInUse => continue,
            Err(err) => return Err(format!("cannot listen on 127.0.0.1:{port}: {err}")),
        }
    }
    Err(format!(
        "ports {wanted} to {} on 127.0.0.1 are all in use",
        candidate_ports(wanted, attempts).last().unwrap_or(wanted)
    ))
}

/// `wanted`, then the next ports, stopping at 65535.
fn candidate_ports(wanted: u16, attempts: u16) -> impl Iterator<Item = u16> {
    (wanted..=u16::MAX).take(attempts as usize)
}

fn handle(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only Accept-Encoding matters: it picks a precompressed copy.
    let mut accept_encoding = None;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 0 && !header.trim_end().is_empty() {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = Some(value.trim().to_string());
            }
        }
        header.clear();
    }

    let mut words = request_line.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let head_only = method == "HEAD";
    let response = match method {
        "GET" | "HEAD" => respond_to(root, target, accept_encoding.as_deref()),
        _ => Response::text(405, "Method Not Allowed").header("Allow", "GET, HEAD"),
    };
    println!("    {method} {target} -> {}", response.status);
    response.write_to(stream, head_only)
}

fn respond_to(root: &Path, target: &str, accept_encoding: Option<&str>) -> Response {
    match static_files::lookup(root, target) {
        Lookup::File(path) => {
            let (body_path, encoding) = static_files::negotiate(&path, accept_encoding);
            match std::fs::read(&body_path) {
                Ok(body) => Response::ok(&path, body, encoding),
                Err(_) => Response::text(500, "Internal Server Error"),
            }
        }
        Lookup::AddSlash(location) => {
            Response::text(301, "Moved Permanently").header("Location", &location)
        }
        Lookup::NotFound => Response::text(404, "Not Found"),
        Lookup::Rejected => Response::text(403, "Forbidden"),
    }
}

struct Response {
    status: u16,
    reason: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    /// `path`'s content, `body` being its copy in `encoding` when there is one.
    fn ok(path: &Path, body: Vec<u8>, encoding: Option<Encoding>) -> Self {
        let mut response = Response {
            status: 200,
            reason: "OK",
            headers: vec![("Content-Type", static_files::content_type(path).to_string())],
            body,
        };
        if let Some(encoding) = encoding {
            response = response.header("Content-Encoding", encoding.token());
        }
        if static_files::compressible(path) {
            response = response.header("Vary", "Accept-Encoding");
        }
        response
    }

    fn text(status: u16, reason: &'static str) -> Self {
        Response {
            status,
            reason,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
            body: format!("{status} {reason}\n").into_bytes(),
        }
    }

    fn header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_string()));
        self
    }

    fn write_to(self, mut stream: TcpStream, head_only: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(&self.body)?;
        }
        stream.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn options_default_to_port_8080_with_a_build() {
        assert_eq!(
            parse_options(&[]).unwrap(),
            Options {
                port: 8080,
                build: true
            }
        );
        assert_eq!(
            parse_options(&args(&["--port", "9000", "--no-build"])).unwrap(),
            Options {
                port: 9000,
                build: false
            }
        );
        assert!(parse_options(&args(&["--port"])).is_err());
        assert!(parse_options(&args(&["--port", "70000"])).is_err());
        assert!(parse_options(&args(&["--verbose"])).is_err());
    }

    #[test]
    fn candidate_ports_count_up_and_stop_at_the_last_port() {
        assert_eq!(
            candidate_ports(8080, 3).collect::<Vec<_>>(),
            [8080, 8081, 8082]
        );
        assert_eq!(
            candidate_ports(65534, 5).collect::<Vec<_>>(),
            [65534, 65535]
        );
    }

    #[test]
    fn a_busy_port_moves_the_server_to_a_later_one() {
        let busy = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let busy_port = busy.local_addr().unwrap().port();
        if busy_port == u16::MAX {
            return;
        }
        let (_listener, port) = bind_first_free(busy_port, 20).unwrap();
        assert!(port > busy_port, "{port} should follow busy {busy_port}");
    }

    fn exchange(root: &Path, request: &str) -> String {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let addr = listener.local_addr().unwrap();
        let root = root.to_path_buf();
        let server = thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            handle(stream, &root).unwrap();
        });
        let mut client = TcpStream::connect(addr).unwrap();
        client.write_all(request.as_bytes()).unwrap();
        let mut reply = String::new();
        client.read_to_string(&mut reply).unwrap();
        server.join().unwrap();
        reply
    }

    #[test]
    fn server_answers_get_head_and_refuses_the_rest() {
        let root = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("index.html"), "<p>hi</p>").unwrap();

        let get = exchange(&root, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(get.starts_with("HTTP/1.1 200 OK\r\n"), "{get}");
        assert!(get.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(
            get.contains("Access-Control-Allow-Origin: *\r\n"),
            "sandboxed embeds load our files cross-origin"
        );
        assert!(get.contains("Content-Length: 9\r\n"));
        assert!(get.ends_with("\r\n\r\n<p>hi</p>"));

        let head = exchange(&root, "HEAD /index.html HTTP/1.1\r\n\r\n");
        assert!(
            head.contains("Content-Length: 9\r\n") && head.ends_with("\r\n\r\n"),
            "{head}"
        );

        let missing = exchange(&root, "GET /nope.js HTTP/1.1\r\n\r\n");
        assert!(missing.starts_with("HTTP/1.1 404 "), "{missing}");
        let sneaky = exchange(&root, "GET /%2e%2e/etc/passwd HTTP/1.1\r\n\r\n");
        assert!(sneaky.starts_with("HTTP/1.1 403 "), "{sneaky}");
        let post = exchange(&root, "POST / HTTP/1.1\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD"));
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn server_sends_the_precompressed_copy_the_request_accepts() {
        let root = std::env::temp_dir().join(format!("xtask-serve-enc-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(root.join("app.wasm"), "wasm").unwrap();
        std::fs::write(root.join("app.wasm.br"), "BR").unwrap();
        std::fs::write(root.join("app.wasm.gz"), "GZ").unwrap();

        let plain = exchange(&root, "GET /app.wasm HTTP/1.1\r\n\r\n");
        assert!(
            plain.contains("Content-Type: application/wasm\r\n"),
            "{plain}"
        );
        assert!(plain.contains("Vary: Accept-Encoding\r\n"));
        assert!(!plain.contains("Content-Encoding") && plain.ends_with("\r\n\r\nwasm"));
        let br = exchange(
            &root,
            "GET /app.wasm HTTP/1.1\r\naccept-encoding: gzip, deflate, br\r\n\r\n",
        );
        assert!(br.contains("Content-Type: application/wasm\r\n"), "{br}");
        assert!(br.contains("Content-Encoding: br\r\n") && br.ends_with("\r\n\r\nBR"));
        let gz = exchange(
            &root,
            "GET /app.wasm HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n",
        );
        assert!(gz.contains("Content-Encoding: gzip\r\n") && gz.ends_with("\r\n\r\nGZ"));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
