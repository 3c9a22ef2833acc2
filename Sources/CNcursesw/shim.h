int mlptop_cnurses_placeholder(void);
