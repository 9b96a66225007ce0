//! Words of authoring. See the convention in [`crate::i18n`].
