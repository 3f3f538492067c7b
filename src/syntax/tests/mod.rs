mod api;
mod messages;
mod robustness;
