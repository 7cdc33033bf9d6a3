#!/usr/bin/python3
"""A plain-text SMTP server on loopback that offers AUTH PLAIN and LOGIN
without TLS, accepts everything, and appends every byte it receives to a
file: what a listener on the wire would read (t0631).

Usage: smtp-recorder.py PORT LOGFILE"""
import socketserver
import sys

LOG = sys.argv[2]


class Session(socketserver.StreamRequestHandler):
    def reply(self, text):
        self.wfile.write(text.encode() + b"\r\n")

    def handle(self):
        self.reply("220 recorder ESMTP")
        data = False
        while True:
            line = self.rfile.readline()
            if not line:
                return
            with open(LOG, "ab") as f:
                f.write(line)
            word = line.strip().split(b" ")[0].upper()
            if data:
                if line.rstrip(b"\r\n") == b".":
                    data = False
                    self.reply("250 kept")
            elif word in (b"EHLO", b"HELO"):
                self.reply("250-recorder")
                self.reply("250 AUTH PLAIN LOGIN")
            elif word == b"AUTH":
                self.reply("235 accepted")
            elif word == b"DATA":
                data = True
                self.reply("354 go on")
            elif word == b"QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


Server(("127.0.0.1", int(sys.argv[1])), Session).serve_forever()
