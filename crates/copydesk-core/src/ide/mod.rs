//! What an editor asks of a draft beyond its diagnostics: hover ("what is here"), outline,
//! inlay hints and navigation between mentions. Reads the features' shared analyses
//! through [`Context`](crate::Context); no feature depends on this layer.

pub mod dates;
pub mod desk;
pub mod hover;
pub mod inlay;
pub mod navigate;
pub mod outline;
pub mod quotes;
