//! Words of report. See the convention in [`crate::i18n`].
