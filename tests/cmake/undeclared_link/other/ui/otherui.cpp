// empty: this project is only configured
