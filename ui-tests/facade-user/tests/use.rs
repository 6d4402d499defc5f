//! The values the facade user's layouts compute.

#[test]
fn root_and_module_layouts() {
    assert_eq!(facade_user::diagonal_sum(), 30);
    let (matrix, t, deferred, nine) = facade_user::matrix();
    assert_eq!(matrix, [0, 0, 0, 3, 0, 7, 7, 0, 0, 0, 0, 0]);
    assert_eq!(t, 3);
    assert_eq!(deferred, 17);
    assert_eq!(nine, [1, 0, 0, 5, 0, 3, 0, 2, 7, 0, 6, 0, 4, 0, 0, 8]);
    assert_eq!(facade_user::stereo(), [1, -1, 1, -1, 1, -1, 1, -1]);
    let (first, row, planes, window) = facade_user::nested();
    assert_eq!(first, 11);
    assert_eq!(row, [3, 2, 1, 0]);
    assert_eq!(planes, [1, 2, 3, 1, 2, 3, 1, 2, 3]);
    assert_eq!(window, 3 + 2 + 7 + 6);
}

#[test]
fn core_items_at_the_same_paths() {
    use facade_user::Deferred;
    use sv::Layout;
    assert_eq!(<Deferred as Layout>::SHAPE, [3, 4]);
    assert_eq!(<facade_user::Row9 as Layout>::UNIQUENESS, sv::Verdict::Proven);
    // The algebra, as view-core has it.
    let strided = sv::algebra::Strided::new(&[3, 4], &[4, 1], 0);
    assert!(strided.is_ok());
}
