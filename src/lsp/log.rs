//! Logging to stderr and to the client (`window/logMessage`), filtered by level.

use std::sync::atomic::{AtomicU8, Ordering};
use tower_lsp::lsp_types::MessageType;
use tower_lsp::Client;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Level {
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s.to_ascii_lowercase().as_str() {
            "error" => Level::Error,
            "warn" | "warning" => Level::Warn,
            "info" => Level::Info,
            "debug" => Level::Debug,
            "trace" => Level::Trace,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Level::Error => "ERROR",
            Level::Warn => "WARN",
            Level::Info => "INFO",
            Level::Debug => "DEBUG",
            Level::Trace => "TRACE",
        }
    }

    fn message_type(self) -> MessageType {
        match self {
            Level::Error => MessageType::ERROR,
            Level::Warn => MessageType::WARNING,
            Level::Info => MessageType::INFO,
            Level::Debug | Level::Trace => MessageType::LOG,
        }
    }
}

pub struct Logger {
    level: AtomicU8,
    /// Set by `--log-level`: settings do not override it.
    fixed: bool,
    client: Client,
    runtime: tokio::runtime::Handle,
}

impl Logger {
    pub fn new(cli_level: Option<Level>, client: Client, runtime: tokio::runtime::Handle) -> Self {
        Logger {
            level: AtomicU8::new(cli_level.unwrap_or(Level::Info) as u8),
            fixed: cli_level.is_some(),
            client,
            runtime,
        }
    }

    /// A level from the settings (ignored when the command line set one).
    pub fn set_from_settings(&self, level: Option<&str>) {
        if self.fixed {
            return;
        }
        let level = level.and_then(Level::parse).unwrap_or(Level::Info);
        self.level.store(level as u8, Ordering::Relaxed);
    }

    pub fn enabled(&self, level: Level) -> bool {
        level as u8 <= self.level.load(Ordering::Relaxed)
    }

    /// Log from any thread.
    pub fn log(&self, level: Level, message: impl Into<String>) {
        if !self.enabled(level) {
            return;
        }
        let message = message.into();
        eprintln!("[copydesk {}] {message}", level.name());
        let client = self.client.clone();
        self.runtime.spawn(async move {
            client.log_message(level.message_type(), message).await;
        });
    }

    pub fn error(&self, m: impl Into<String>) {
        self.log(Level::Error, m)
    }
    pub fn warn(&self, m: impl Into<String>) {
        self.log(Level::Warn, m)
    }
    pub fn info(&self, m: impl Into<String>) {
        self.log(Level::Info, m)
    }
    pub fn debug(&self, m: impl Into<String>) {
        self.log(Level::Debug, m)
    }
}
